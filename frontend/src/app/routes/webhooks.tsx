import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { SecretOnce } from '@/components/SecretOnce';
import { Empty, Loading } from '@/components/Status';
import { useWebhooks } from '@/features/integrations/api/webhooks';
import { WebhookForm } from '@/features/integrations/components/WebhookForm';
import { WebhookList } from '@/features/integrations/components/WebhookList';
import type { WebhookWithSecret } from '@/lib/api-types';

/** Referral events pushed to a partner's URL, signed with a secret shown once; delivery log with redelivery. */
export function WebhooksRoute() {
  const { t } = useTranslation('integrations');
  const query = useWebhooks();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<WebhookWithSecret | null>(null);
  return (
    <>
      <PageHeader
        title={t('webhooks.title')}
        actions={
          !creating && !secret ? (
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => setCreating(true)}
              data-testid="webhook-new"
            >
              {t('webhooks.new')}
            </button>
          ) : null
        }
      />
      <p className="muted">{t('webhooks.intro')}</p>
      {secret ? (
        <SecretOnce
          label={t('webhooks.secretFor', { url: secret.url })}
          secret={secret.secret}
          onClose={() => setSecret(null)}
        />
      ) : null}
      {creating ? (
        <WebhookForm
          onCreated={(w) => {
            setCreating(false);
            setSecret(w);
          }}
          onCancel={() => setCreating(false)}
        />
      ) : null}
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <Empty>{t('webhooks.empty')}</Empty>
      ) : (
        <WebhookList items={query.data} onSecret={setSecret} />
      )}
    </>
  );
}
