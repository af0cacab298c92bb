import { useState } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { OrganisationSelect } from '@/features/organisations/components/OrganisationSelect';
import type { ApiClientWithSecret } from '@/lib/api-types';
import { useErrorText } from '@/lib/form';
import { handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { useCreateApiClient } from '../api/api-clients';
import { API_CLIENT_FIELDS, API_CLIENT_SCOPES, apiClientFormSchema, type ApiClientFormValues } from '../schemas';

export function ApiClientForm({
  onCreated,
  onCancel,
}: {
  onCreated: (c: ApiClientWithSecret) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('integrations');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const create = useCreateApiClient();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ApiClientFormValues>({
    resolver: zodResolver(apiClientFormSchema),
    defaultValues: { name: '', organisation_id: '', scopes: ['referrals:read', 'referrals:write'] },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      onCreated(await create.mutateAsync(values));
    } catch (err) {
      setFailure(handleSubmitError(err, setError, API_CLIENT_FIELDS, tc('errors.unexpected')));
    }
  });
  return (
    <form className="form form--panel" onSubmit={onSubmit} noValidate data-testid="api-client-form">
      <h2>{t('apiClients.new')}</h2>
      <FormMessages failure={failure} />
      <div className="form__row">
        <Field label={t('apiClients.name')} error={errorText(errors.name)} required>
          <input type="text" data-testid="api-client-name" {...register('name')} />
        </Field>
        <Field label={t('organisation')} error={errorText(errors.organisation_id)} required>
          <OrganisationSelect data-testid="api-client-organisation" {...register('organisation_id')} />
        </Field>
      </div>
      <fieldset className="checks">
        <legend>{t('apiClients.scopes')}</legend>
        <div className="checks__grid">
          {API_CLIENT_SCOPES.map((s) => (
            <label key={s} className="check">
              <input type="checkbox" value={s} {...register('scopes')} />
              <span>
                {t(`scope.${s}`)} <code className="muted small">{s}</code>
              </span>
            </label>
          ))}
        </div>
        {errors.scopes ? (
          <p className="field__error" role="alert">
            {errorText(errors.scopes as FieldError | undefined)}
          </p>
        ) : null}
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="api-client-submit">
          {isSubmitting ? tc('actions.saving') : t('apiClients.create')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
