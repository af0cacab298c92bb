import { useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import type { Versioned } from '@/lib/api-client';
import type { Organisation } from '@/lib/api-types';
import { ORGANISATION_KINDS, SERVICE_TYPES } from '@/lib/enums';
import { newIdempotencyKey } from '@/lib/format';
import { useErrorText } from '@/lib/form';
import { handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { useCreateOrganisation, useUpdateOrganisation } from '../api/save-organisation';
import {
  ORGANISATION_FORM_FIELDS,
  emptyOrganisationForm,
  organisationFormSchema,
  organisationToForm,
  toOrganisationBody,
  type OrganisationFormValues,
} from '../schemas';

interface Props {
  current?: Versioned<Organisation>;
  onSaved: (id: string) => void;
  onCancel: () => void;
  onReload?: () => void;
}

export function OrganisationForm({ current, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation('organisations');
  const { t: te } = useTranslation('enums');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const create = useCreateOrganisation();
  const update = useUpdateOrganisation(current?.item.id ?? '');
  const idempotencyKey = useMemo(() => newIdempotencyKey(), []);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<OrganisationFormValues>({
    resolver: zodResolver(organisationFormSchema),
    defaultValues: current ? organisationToForm(current.item) : emptyOrganisationForm,
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    const body = toOrganisationBody(values);
    try {
      const saved = current
        ? await update.mutateAsync({ body, etag: current.etag ?? '*' })
        : await create.mutateAsync({ body, idempotencyKey });
      onSaved(saved.item.id);
    } catch (err) {
      setFailure(handleSubmitError(err, setError, ORGANISATION_FORM_FIELDS, tc('errors.unexpected')));
    }
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="organisation-form">
      <FormMessages failure={failure} onReload={onReload} />
      <Field label={t('fields.name')} error={errorText(errors.name)} required>
        <input type="text" data-testid="field-name" {...register('name')} />
      </Field>
      <Field label={t('fields.kind')} error={errorText(errors.kind)} required>
        <select data-testid="field-kind" {...register('kind')}>
          {ORGANISATION_KINDS.map((code) => (
            <option key={code} value={code}>
              {te(`organisationKind.${code}`)}
            </option>
          ))}
        </select>
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
              />
            )}
          />
        )}
      </Field>
      <Field label={t('fields.address')} error={errorText(errors.address)}>
        <input type="text" {...register('address')} />
      </Field>
      <div className="form__row">
        <Field label={t('fields.phone')} error={errorText(errors.phone)}>
          <input type="tel" autoComplete="off" {...register('phone')} />
        </Field>
        <Field label={t('fields.email')} error={errorText(errors.email)}>
          <input type="email" autoComplete="off" {...register('email')} />
        </Field>
      </div>
      <fieldset className="checks">
        <legend>{t('fields.services')}</legend>
        <div className="checks__grid">
          {SERVICE_TYPES.map((code) => (
            <label key={code} className="check">
              <input type="checkbox" value={code} {...register('services')} />
              <span>{te(`serviceType.${code}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label className="check check--switch">
        <input type="checkbox" {...register('active')} />
        <span>{t('fields.active')}</span>
      </label>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="organisation-submit">
          {isSubmitting ? tc('actions.saving') : current ? tc('actions.save') : t('form.create')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
