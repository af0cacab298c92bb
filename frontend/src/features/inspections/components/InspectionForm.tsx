import { useMemo, useState } from 'react';
import { Controller, useForm, type FieldError } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { MoneyInput } from '@/components/MoneyInput';
import { useOrganisationChoices } from '@/features/organisations/api/list-organisations';
import { useCan } from '@/lib/can';
import { VIOLATIONS } from '@/lib/enums';
import { newIdempotencyKey } from '@/lib/format';
import { useErrorText } from '@/lib/form';
import { handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { useCreateInspection } from '../api/create-inspection';
import {
  INSPECTION_FORM_FIELDS,
  emptyInspectionForm,
  formToInspectionBody,
  inspectionFormSchema,
  todayIso,
  type InspectionFormValues,
} from '../schemas';

export function InspectionForm({ establishmentId, onDone }: { establishmentId: string; onDone: () => void }) {
  const { t } = useTranslation('inspections');
  const { t: te } = useTranslation('enums');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const create = useCreateInspection(establishmentId);
  const idempotencyKey = useMemo(() => newIdempotencyKey(), []);
  const canListOrganisations = useCan('organisations:read');
  const organisations = useOrganisationChoices(canListOrganisations);

  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<InspectionFormValues>({
    resolver: zodResolver(inspectionFormSchema),
    defaultValues: emptyInspectionForm(),
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await create.mutateAsync({ body: formToInspectionBody(values), idempotencyKey });
      onDone();
    } catch (err) {
      setFailure(handleSubmitError(err, setError, INSPECTION_FORM_FIELDS, tc('errors.unexpected')));
    }
  });

  return (
    <form
      className="form form--panel"
      onSubmit={onSubmit}
      noValidate
      data-testid="inspection-form"
      aria-label={t('form.title')}
    >
      <h3>{t('form.title')}</h3>
      <FormMessages failure={failure} />
      <div className="form__row">
        <Field label={t('fields.inspectedOn')} error={errorText(errors.inspected_on)} required>
          <input type="date" max={todayIso()} data-testid="field-inspected-on" {...register('inspected_on')} />
        </Field>
        <Field label={t('fields.fineAmount')} error={errorText(errors.fine_amount_vnd)} hint={t('form.fineHint')}>
          {(controlProps) => (
            <Controller
              control={control}
              name="fine_amount_vnd"
              render={({ field }) => (
                <MoneyInput
                  {...controlProps}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  name={field.name}
                  ref={field.ref}
                  data-testid="field-fine-amount"
                />
              )}
            />
          )}
        </Field>
      </div>

      <fieldset className="checks" aria-describedby={errors.violations ? 'violations-error' : undefined}>
        <legend>{t('fields.violations')}</legend>
        <div className="checks__grid">
          {VIOLATIONS.map((code) => (
            <label key={code} className="check">
              <input type="checkbox" value={code} data-testid={`violation-${code}`} {...register('violations')} />
              <span>{te(`violation.${code}`)}</span>
            </label>
          ))}
        </div>
        {errors.violations ? (
          <p className="field__error" id="violations-error" role="alert">
            {errorText(errors.violations as FieldError | undefined)}
          </p>
        ) : null}
      </fieldset>

      {canListOrganisations && (organisations.data?.length ?? 0) > 0 ? (
        <fieldset className="checks">
          <legend>{t('fields.team')}</legend>
          <div className="checks__grid">
            {organisations.data?.map((org) => (
              <label key={org.id} className="check">
                <input type="checkbox" value={org.id} {...register('team')} />
                <span>{org.name}</span>
              </label>
            ))}
          </div>
          {errors.team ? (
            <p className="field__error" role="alert">
              {errorText(errors.team as FieldError | undefined)}
            </p>
          ) : null}
        </fieldset>
      ) : null}

      <Field label={t('fields.findings')} error={errorText(errors.findings)}>
        <textarea rows={3} data-testid="field-findings" {...register('findings')} />
      </Field>
      <Field label={t('fields.followUp')} error={errorText(errors.follow_up)}>
        <textarea rows={2} data-testid="field-follow-up" {...register('follow_up')} />
      </Field>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="inspection-submit">
          {isSubmitting ? tc('actions.saving') : t('form.submit')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
