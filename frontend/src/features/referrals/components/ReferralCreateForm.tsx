import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import type { ServiceType } from '@/lib/api-types';
import { SERVICE_TYPES } from '@/lib/enums';
import { newIdempotencyKey } from '@/lib/format';
import { useErrorText } from '@/lib/form';
import { ApiError, handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { emptyToNull } from '@/lib/zod-helpers';
import { useCreateReferral } from '../api/create-referral';
import {
  inDays,
  legalBasisFields,
  REFERRAL_CREATE_FIELDS,
  referralCreateSchema,
  type ReferralCreateValues,
} from '../schemas';
import { LegalBasisFields, mentionsLegalBasis } from './LegalBasisFields';
import { ProviderSelect } from './ProviderSelect';

/** A referral of a known client to one provider (`POST /referrals`); asks for a legal basis when the API does. */
export function ReferralCreateForm({
  clientId,
  area,
  onDone,
}: {
  clientId: string;
  /** Where to look for providers first (an org unit id), e.g. the case's province. */
  area?: string | null;
  onDone: () => void;
}) {
  const { t } = useTranslation('referrals');
  const { t: te } = useTranslation('enums');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const create = useCreateReferral();
  const idempotencyKey = useMemo(() => newIdempotencyKey(), []);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [needLegal, setNeedLegal] = useState(false);
  const [unit, setUnit] = useState<string | null | undefined>(undefined);
  const effectiveArea = unit === undefined ? (area ?? null) : unit;
  const {
    register,
    control,
    handleSubmit,
    setError,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<ReferralCreateValues>({
    resolver: zodResolver(referralCreateSchema),
    defaultValues: {
      service_type: '',
      to_organisation_id: '',
      reason: '',
      follow_up_due_on: inDays(30),
      send: true,
      legal_basis: '',
      legal_basis_reason: '',
    },
  });
  const service = watch('service_type') as ServiceType | '';

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await create.mutateAsync({
        idempotencyKey,
        body: {
          client_id: clientId,
          service_type: values.service_type as ServiceType,
          to_organisation_id: values.to_organisation_id,
          reason: emptyToNull(values.reason),
          follow_up_due_on: values.follow_up_due_on || null,
          send: values.send,
          ...legalBasisFields(values),
        },
      });
      onDone();
    } catch (err) {
      if (err instanceof ApiError && mentionsLegalBasis(err.problem)) setNeedLegal(true);
      setFailure(handleSubmitError(err, setError, REFERRAL_CREATE_FIELDS, tc('errors.unexpected')));
    }
  });

  return (
    <form className="form form--panel" onSubmit={onSubmit} noValidate data-testid="referral-create-form">
      <h3>{t('create.title')}</h3>
      <FormMessages failure={failure} />
      <div className="form__row">
        <Field label={t('fields.service')} error={errorText(errors.service_type)} required>
          <select data-testid="referral-service" {...register('service_type')}>
            <option value="">—</option>
            {SERVICE_TYPES.map((s) => (
              <option key={s} value={s}>
                {te(`serviceType.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('refer.area')} hint={t('refer.areaHint')}>
          {(controlProps) => (
            <OrgUnitPicker {...controlProps} value={effectiveArea} inScope={false} onChange={(id) => setUnit(id)} />
          )}
        </Field>
      </div>
      {service ? (
        <Field label={t('refer.provider')} error={errorText(errors.to_organisation_id)} required>
          {(controlProps) => (
            <Controller
              control={control}
              name="to_organisation_id"
              render={({ field }) => (
                <ProviderSelect
                  {...controlProps}
                  {...field}
                  service={service}
                  orgUnit={effectiveArea}
                  data-testid="referral-provider"
                />
              )}
            />
          )}
        </Field>
      ) : null}
      <div className="form__row">
        <Field label={t('fields.followUpDueOn')} error={errorText(errors.follow_up_due_on)}>
          <input type="date" {...register('follow_up_due_on')} />
        </Field>
      </div>
      <Field label={t('fields.reason')} error={errorText(errors.reason)}>
        <textarea rows={2} data-testid="referral-reason" {...register('reason')} />
      </Field>
      <label className="check check--large">
        <input type="checkbox" {...register('send')} />
        <span>{t('refer.send')}</span>
      </label>
      {needLegal ? <LegalBasisFields register={register} errors={errors} /> : null}
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="referral-submit">
          {isSubmitting ? tc('actions.saving') : t('create.submit')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
