import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { ToggleChips } from '@/components/ToggleChips';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import type { VictimCase } from '@/lib/api-types';
import { useAuth } from '@/lib/auth';
import { EXPLOITATIONS, SEXES, VICTIM_SOURCES } from '@/lib/enums';
import { newIdempotencyKey } from '@/lib/format';
import { useErrorText } from '@/lib/form';
import { handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { useVictimIntake } from '../api/cases';
import { emptyIntake, INTAKE_FIELDS, intakeBody, intakeFormSchema, todayIso, type IntakeFormValues } from '../schemas';

/** Hotline 111 quick intake on one phone screen: only what is known; the person stays pseudonymous. */
export function IntakeForm({ onCreated }: { onCreated: (c: VictimCase) => void }) {
  const { t } = useTranslation('victims');
  const { t: te } = useTranslation('enums');
  const { t: tc } = useTranslation();
  const { user } = useAuth();
  const errorText = useErrorText();
  const intake = useVictimIntake();
  const idempotencyKey = useMemo(() => newIdempotencyKey(), []);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<IntakeFormValues>({
    resolver: zodResolver(intakeFormSchema),
    defaultValues: emptyIntake(user?.org_unit?.id ?? null),
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      onCreated(await intake.mutateAsync({ body: intakeBody(values), idempotencyKey }));
    } catch (err) {
      setFailure(handleSubmitError(err, setError, INTAKE_FIELDS, tc('errors.unexpected')));
    }
  });

  return (
    <form className="form entry" onSubmit={onSubmit} noValidate data-testid="intake-form">
      <FormMessages failure={failure} />
      <p className="muted small">{t('intake.privacy')}</p>
      <div className="form__row">
        <Field label={t('fields.reportedOn')} error={errorText(errors.reported_on)} required>
          <input type="date" max={todayIso()} data-testid="intake-reported-on" {...register('reported_on')} />
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
                  onChange={(id) => field.onChange(id ?? '')}
                  onBlur={field.onBlur}
                  fallbackLabel={user?.org_unit?.id === field.value ? user?.org_unit?.name : null}
                  data-testid="intake-org-unit"
                />
              )}
            />
          )}
        </Field>
      </div>
      <Controller
        control={control}
        name="source"
        render={({ field }) => (
          <ToggleChips
            multiple={false}
            legend={t('fields.source')}
            options={VICTIM_SOURCES.map((s) => ({ value: s, label: te(`victimSource.${s}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={errorText(errors.source)}
            testId="intake-source"
          />
        )}
      />
      <Controller
        control={control}
        name="sex"
        render={({ field }) => (
          <ToggleChips
            multiple={false}
            legend={t('fields.sex')}
            options={SEXES.map((s) => ({ value: s, label: te(`sex.${s}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={errorText(errors.sex)}
            testId="intake-sex"
          />
        )}
      />
      <Field label={t('fields.birthYear')} error={errorText(errors.birth_year)} hint={t('intake.birthYearHint')}>
        <input
          type="text"
          inputMode="numeric"
          maxLength={4}
          data-testid="intake-birth-year"
          {...register('birth_year')}
        />
      </Field>
      <Controller
        control={control}
        name="exploitation"
        render={({ field }) => (
          <ToggleChips
            multiple={false}
            legend={t('fields.exploitation')}
            options={EXPLOITATIONS.map((s) => ({ value: s, label: te(`exploitation.${s}`) }))}
            value={field.value}
            onChange={field.onChange}
            error={errorText(errors.exploitation)}
            testId="intake-exploitation"
          />
        )}
      />
      <div className="form__row">
        <Field
          label={t('fields.exploitationCountry')}
          error={errorText(errors.exploitation_country)}
          hint={t('intake.countryHint')}
        >
          <input
            type="text"
            maxLength={2}
            autoCapitalize="characters"
            className="mono-input"
            data-testid="intake-country"
            {...register('exploitation_country')}
          />
        </Field>
        <Field label={t('fields.citizenship')} error={errorText(errors.citizenship)}>
          <input
            type="text"
            maxLength={2}
            autoCapitalize="characters"
            className="mono-input"
            {...register('citizenship')}
          />
        </Field>
      </div>
      <Field label={t('fields.intakeNotes')} error={errorText(errors.intake_notes)} hint={t('intake.notesHint')}>
        <textarea rows={4} data-testid="intake-notes" {...register('intake_notes')} />
      </Field>
      <div className="entry__submit">
        <button
          type="submit"
          className="btn btn--primary btn--large btn--block"
          disabled={isSubmitting}
          data-testid="intake-submit"
        >
          {isSubmitting ? tc('actions.saving') : t('intake.submit')}
        </button>
      </div>
    </form>
  );
}
