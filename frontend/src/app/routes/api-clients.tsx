import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { SecretOnce } from '@/components/SecretOnce';
import { Empty, Loading } from '@/components/Status';
import { useApiClients } from '@/features/integrations/api/api-clients';
import { ApiClientForm } from '@/features/integrations/components/ApiClientForm';
import { ApiClientTable } from '@/features/integrations/components/ApiClientTable';
import type { ApiClientWithSecret } from '@/lib/api-types';

/** Partner systems (OAuth2 client credentials): create, rotate the secret with an overlap, deactivate. */
export function ApiClientsRoute() {
  const { t } = useTranslation('integrations');
  const query = useApiClients();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<ApiClientWithSecret | null>(null);
  return (
    <>
      <PageHeader
        title={t('apiClients.title')}
        actions={
          !creating && !secret ? (
            <button
              type="button"
              className="btn btn--primary"
              onClick={() => setCreating(true)}
              data-testid="api-client-new"
            >
              {t('apiClients.new')}
            </button>
          ) : null
        }
      />
      <p className="muted">{t('apiClients.intro')}</p>
      {secret ? (
        <SecretOnce
          label={t('apiClients.secretFor', { name: secret.name, clientId: secret.client_id })}
          secret={secret.client_secret}
          onClose={() => setSecret(null)}
        />
      ) : null}
      {creating ? (
        <ApiClientForm
          onCreated={(c) => {
            setCreating(false);
            setSecret(c);
          }}
          onCancel={() => setCreating(false)}
        />
      ) : null}
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <Empty>{t('apiClients.empty')}</Empty>
      ) : (
        <ApiClientTable items={query.data} onSecret={setSecret} />
      )}
    </>
  );
}
