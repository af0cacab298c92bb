import { useState } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { OrganisationSelect } from '@/features/organisations/components/OrganisationSelect';
import type { WebhookWithSecret } from '@/lib/api-types';
import { useAuth } from '@/lib/auth';
import { useErrorText } from '@/lib/form';
import { handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { useCreateWebhook } from '../api/webhooks';
import { WEBHOOK_EVENTS, WEBHOOK_FIELDS, webhookFormSchema, type WebhookFormValues } from '../schemas';

export function WebhookForm({
  onCreated,
  onCancel,
}: {
  onCreated: (w: WebhookWithSecret) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('integrations');
  const { t: tc } = useTranslation();
  const { user } = useAuth();
  const errorText = useErrorText();
  const create = useCreateWebhook();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<WebhookFormValues>({
    resolver: zodResolver(webhookFormSchema),
    defaultValues: { url: 'https://', organisation_id: user?.organisation?.id ?? '', events: [...WEBHOOK_EVENTS] },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      onCreated(
        await create.mutateAsync({
          url: values.url,
          events: values.events,
          organisation_id: values.organisation_id || null,
        }),
      );
    } catch (err) {
      setFailure(handleSubmitError(err, setError, WEBHOOK_FIELDS, tc('errors.unexpected')));
    }
  });
  return (
    <form className="form form--panel" onSubmit={onSubmit} noValidate data-testid="webhook-form">
      <h2>{t('webhooks.new')}</h2>
      <FormMessages failure={failure} />
      <Field label={t('webhooks.url')} hint={t('webhooks.urlHint')} error={errorText(errors.url)} required>
        <input type="url" inputMode="url" data-testid="webhook-url" {...register('url')} />
      </Field>
      <Field label={t('organisation')} hint={t('webhooks.organisationHint')} error={errorText(errors.organisation_id)}>
        <OrganisationSelect data-testid="webhook-organisation" {...register('organisation_id')} />
      </Field>
      <fieldset className="checks">
        <legend>{t('webhooks.events')}</legend>
        <div className="checks__grid">
          {WEBHOOK_EVENTS.map((e) => (
            <label key={e} className="check">
              <input type="checkbox" value={e} {...register('events')} />
              <span>
                {t(`event.${e === 'referral.sent' ? 'sent' : 'statusChanged'}`)}{' '}
                <code className="muted small">{e}</code>
              </span>
            </label>
          ))}
        </div>
        {errors.events ? (
          <p className="field__error" role="alert">
            {errorText(errors.events as FieldError | undefined)}
          </p>
        ) : null}
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="webhook-submit">
          {isSubmitting ? tc('actions.saving') : t('webhooks.create')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
