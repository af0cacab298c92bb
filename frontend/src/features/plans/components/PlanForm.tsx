import { useMemo, useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import { orgUnitLabel } from '@/features/org-units/format';
import { PLAN_INDICATORS } from '@/lib/enums';
import { newIdempotencyKey } from '@/lib/format';
import { useErrorText } from '@/lib/form';
import { handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { useCreatePlan } from '../api/plans';
import { PLAN_FIELDS, planBody, planFormSchema, todayIso, type PlanFormValues } from '../schemas';

interface Props {
  initial: PlanFormValues;
  initialOrgUnitLabel?: string | null;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

export function PlanForm({ initial, initialOrgUnitLabel, onSaved, onCancel }: Props) {
  const { t } = useTranslation('plans');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const create = useCreatePlan();
  const idempotencyKey = useMemo(() => newIdempotencyKey(), []);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [orgUnitText, setOrgUnitText] = useState<string | null>(initialOrgUnitLabel ?? null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<PlanFormValues>({ resolver: zodResolver(planFormSchema), defaultValues: initial });
  const targets = useFieldArray({ control, name: 'targets' });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      const plan = await create.mutateAsync({ body: planBody(values), idempotencyKey });
      onSaved(plan.id);
    } catch (err) {
      setFailure(handleSubmitError(err, setError, PLAN_FIELDS, tc('errors.unexpected')));
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="plan-form">
      <FormMessages failure={failure} />
      <div className="form__row">
        <Field label={t('fields.number')} error={errorText(errors.number)} hint={t('fields.numberHint')} required>
          <input type="text" data-testid="plan-number" {...register('number')} />
        </Field>
        <Field label={t('fields.year')} error={errorText(errors.year)} required>
          <input type="text" inputMode="numeric" maxLength={4} data-testid="plan-year" {...register('year')} />
        </Field>
        <Field label={t('fields.issuedOn')} error={errorText(errors.issued_on)}>
          <input type="date" max={todayIso()} data-testid="plan-issued-on" {...register('issued_on')} />
        </Field>
      </div>
      <Field label={t('fields.title')} error={errorText(errors.title)} required>
        <input type="text" data-testid="plan-title" {...register('title')} />
      </Field>
      <Field label={t('fields.orgUnit')} error={errorText(errors.org_unit_id)} required>
        {(controlProps) => (
          <Controller
            control={control}
            name="org_unit_id"
            render={({ field }) => (
              <OrgUnitPicker
                {...controlProps}
                value={field.value || null}
                fallbackLabel={orgUnitText}
                onChange={(id, unit) => {
                  setOrgUnitText(unit ? orgUnitLabel(unit) : null);
                  field.onChange(id ?? '');
                }}
                onBlur={field.onBlur}
                name={field.name}
                data-testid="plan-org-unit"
              />
            )}
          />
        )}
      </Field>
      <Field label={t('fields.legalBasis')} error={errorText(errors.legal_basis)} hint={t('fields.legalBasisHint')}>
        <textarea rows={2} data-testid="plan-legal-basis" {...register('legal_basis')} />
      </Field>

      <fieldset className="form__section" data-testid="plan-targets">
        <legend>{t('targets.title')}</legend>
        <p className="muted small">{t('targets.hint')}</p>
        {targets.fields.map((row, index) => (
          <div className="form__row" key={row.id} data-testid="plan-target">
            <Field label={t('targets.indicator')} error={errorText(errors.targets?.[index]?.indicator)} required>
              <select data-testid={`target-indicator-${index}`} {...register(`targets.${index}.indicator`)}>
                {PLAN_INDICATORS.map((k) => (
                  <option key={k} value={k}>
                    {t(`indicators.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label={t('targets.target')}
              error={errorText(errors.targets?.[index]?.target_value)}
              hint={t('targets.valueHint')}
              required
            >
              <input
                type="text"
                inputMode="decimal"
                data-testid={`target-value-${index}`}
                {...register(`targets.${index}.target_value`)}
              />
            </Field>
            <Field label={t('targets.note')} error={errorText(errors.targets?.[index]?.note)}>
              <input type="text" data-testid={`target-note-${index}`} {...register(`targets.${index}.note`)} />
            </Field>
            <div className="form__row-action">
              <button
                type="button"
                className="btn btn--ghost"
                onClick={() => targets.remove(index)}
                data-testid={`target-remove-${index}`}
              >
                {t('targets.remove')}
              </button>
            </div>
          </div>
        ))}
        <button
          type="button"
          className="btn btn--secondary"
          onClick={() => targets.append({ indicator: 'people_reached', target_value: '', note: '' })}
          disabled={targets.fields.length >= 40}
          data-testid="target-add"
        >
          {t('targets.add')}
        </button>
      </fieldset>

      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="plan-submit">
          {isSubmitting ? tc('actions.saving') : t('create.submit')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
