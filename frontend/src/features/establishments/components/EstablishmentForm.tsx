import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import type { Versioned } from '@/lib/api-client';
import type { Establishment } from '@/lib/api-types';
import { ESTABLISHMENT_STATUSES, ESTABLISHMENT_TYPES, RISK_LEVELS } from '@/lib/enums';
import { newIdempotencyKey } from '@/lib/format';
import { useErrorText } from '@/lib/form';
import { handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { useCreateEstablishment } from '../api/create-establishment';
import { useUpdateEstablishment } from '../api/update-establishment';
import {
  ESTABLISHMENT_FORM_FIELDS,
  emptyEstablishmentForm,
  establishmentFormSchema,
  establishmentToForm,
  formToEstablishmentBody,
  type EstablishmentFormValues,
} from '../schemas';

interface Props {
  /** The establishment being edited with its ETag; absent when creating. */
  current?: Versioned<Establishment>;
  onSaved: (id: string) => void;
  onCancel: () => void;
  onReload?: () => void;
}

export function EstablishmentForm({ current, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation('establishments');
  const { t: te } = useTranslation('enums');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const create = useCreateEstablishment();
  const update = useUpdateEstablishment(current?.item.id ?? '');
  // One key per form: a retried submission of the same form is not created twice.
  const idempotencyKey = useMemo(() => newIdempotencyKey(), []);

  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<EstablishmentFormValues>({
    resolver: zodResolver(establishmentFormSchema),
    defaultValues: current ? establishmentToForm(current.item) : emptyEstablishmentForm,
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const body = formToEstablishmentBody(values);
    try {
      if (current) {
        const saved = await update.mutateAsync({ body, etag: current.etag ?? '*' });
        onSaved(saved.item.id);
      } else {
        const saved = await create.mutateAsync({ body, idempotencyKey });
        onSaved(saved.item.id);
      }
    } catch (err) {
      setFailure(handleSubmitError(err, setError, ESTABLISHMENT_FORM_FIELDS, tc('errors.unexpected')));
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="establishment-form">
      <FormMessages failure={failure} onReload={onReload} />
      <fieldset className="form__section">
        <legend>{t('form.sectionGeneral')}</legend>
        <Field label={t('fields.name')} error={errorText(errors.name)} required>
          <input type="text" data-testid="field-name" {...register('name')} />
        </Field>
        <div className="form__row">
          <Field label={t('fields.type')} error={errorText(errors.type)} required>
            <select data-testid="field-type" {...register('type')}>
              {ESTABLISHMENT_TYPES.map((code) => (
                <option key={code} value={code}>
                  {te(`establishmentType.${code}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('fields.status')} error={errorText(errors.status)} required>
            <select data-testid="field-status" {...register('status')}>
              {ESTABLISHMENT_STATUSES.map((code) => (
                <option key={code} value={code}>
                  {te(`establishmentStatus.${code}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field label={t('fields.orgUnit')} error={errorText(errors.org_unit_id)} hint={t('form.orgUnitHint')} required>
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
                  name={field.name}
                  data-testid="field-org-unit"
                />
              )}
            />
          )}
        </Field>
        <Field label={t('fields.address')} error={errorText(errors.address)}>
          <input type="text" autoComplete="street-address" data-testid="field-address" {...register('address')} />
        </Field>
      </fieldset>

      <fieldset className="form__section">
        <legend>{t('form.sectionCommitment')}</legend>
        <div className="form__row">
          <Field
            label={t('fields.commitmentSignedOn')}
            error={errorText(errors.commitment_signed_on)}
            hint={t('form.commitmentHint')}
          >
            <input type="date" data-testid="field-commitment-signed-on" {...register('commitment_signed_on')} />
          </Field>
          <Field label={t('fields.riskLevel')} error={errorText(errors.risk_level)}>
            <select data-testid="field-risk-level" {...register('risk_level')}>
              {RISK_LEVELS.map((code) => (
                <option key={code} value={code}>
                  {te(`riskLevel.${code}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      </fieldset>

      <fieldset className="form__section">
        <legend>{t('form.sectionOwner')}</legend>
        <Field label={t('fields.ownerName')} error={errorText(errors.owner_name)}>
          <input type="text" data-testid="field-owner-name" {...register('owner_name')} />
        </Field>
        <div className="form__row">
          <Field label={t('fields.businessRegistrationNo')} error={errorText(errors.business_registration_no)}>
            <input type="text" {...register('business_registration_no')} />
          </Field>
          <Field label={t('fields.licenseNo')} error={errorText(errors.license_no)}>
            <input type="text" {...register('license_no')} />
          </Field>
          <Field label={t('fields.licenseExpiresOn')} error={errorText(errors.license_expires_on)}>
            <input type="date" {...register('license_expires_on')} />
          </Field>
        </div>
        <div className="form__row">
          <Field label={t('fields.workersFemale')} error={errorText(errors.workers_female)}>
            <input type="text" inputMode="numeric" data-testid="field-workers-female" {...register('workers_female')} />
          </Field>
          <Field label={t('fields.workersMale')} error={errorText(errors.workers_male)}>
            <input type="text" inputMode="numeric" data-testid="field-workers-male" {...register('workers_male')} />
          </Field>
        </div>
        <div className="form__row">
          <Field label={t('fields.latitude')} error={errorText(errors.latitude)} hint={t('form.coordinatesHint')}>
            <input type="text" inputMode="decimal" {...register('latitude')} />
          </Field>
          <Field label={t('fields.longitude')} error={errorText(errors.longitude)}>
            <input type="text" inputMode="decimal" {...register('longitude')} />
          </Field>
        </div>
      </fieldset>

      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="establishment-submit">
          {isSubmitting ? tc('actions.saving') : current ? tc('actions.save') : t('form.create')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
