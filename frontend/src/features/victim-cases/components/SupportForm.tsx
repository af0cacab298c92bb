import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { MoneyInput } from '@/components/MoneyInput';
import { OrganisationSelect } from '@/features/organisations/components/OrganisationSelect';
import { SERVICE_TYPES } from '@/lib/enums';
import { newIdempotencyKey } from '@/lib/format';
import { useErrorText } from '@/lib/form';
import { handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { useAddSupport } from '../api/cases';
import { SUPPORT_FIELDS, supportBody, supportFormSchema, todayIso, type SupportFormValues } from '../schemas';

export function SupportForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation('victims');
  const { t: te } = useTranslation('enums');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const add = useAddSupport(caseId);
  const idempotencyKey = useMemo(() => newIdempotencyKey(), []);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<SupportFormValues>({
    resolver: zodResolver(supportFormSchema),
    defaultValues: {
      support_type: 'essential_needs',
      provided_on: todayIso(),
      amount_vnd: null,
      provider_id: '',
      note: '',
    },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await add.mutateAsync({ body: supportBody(values), idempotencyKey });
      onDone();
    } catch (err) {
      setFailure(handleSubmitError(err, setError, SUPPORT_FIELDS, tc('errors.unexpected')));
    }
  });
  return (
    <form className="form form--panel" onSubmit={onSubmit} noValidate data-testid="support-form">
      <h3>{t('supports.new')}</h3>
      <FormMessages failure={failure} />
      <div className="form__row">
        <Field label={t('supports.type')} error={errorText(errors.support_type)} required>
          <select data-testid="support-type" {...register('support_type')}>
            {SERVICE_TYPES.map((s) => (
              <option key={s} value={s}>
                {te(`serviceType.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('supports.providedOn')} error={errorText(errors.provided_on)} required>
          <input type="date" max={todayIso()} data-testid="support-date" {...register('provided_on')} />
        </Field>
        <Field label={t('supports.amount')} error={errorText(errors.amount_vnd)} hint={t('supports.amountHint')}>
          {(controlProps) => (
            <Controller
              control={control}
              name="amount_vnd"
              render={({ field }) => (
                <MoneyInput
                  {...controlProps}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  name={field.name}
                  ref={field.ref}
                  data-testid="support-amount"
                />
              )}
            />
          )}
        </Field>
      </div>
      <Field label={t('supports.provider')} error={errorText(errors.provider_id)}>
        <OrganisationSelect data-testid="support-provider" {...register('provider_id')} />
      </Field>
      <Field label={t('supports.note')} error={errorText(errors.note)}>
        <textarea rows={2} data-testid="support-note" {...register('note')} />
      </Field>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="support-submit">
          {isSubmitting ? tc('actions.saving') : t('supports.submit')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
