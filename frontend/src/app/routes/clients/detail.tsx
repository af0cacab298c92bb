import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Empty, LoadMore, Loading } from '@/components/Status';
import { useClientTimeline } from '@/features/clients/api/client-timeline';
import { useClient } from '@/features/clients/api/get-client';
import { ClientDetails } from '@/features/clients/components/ClientDetails';
import { ContactTable } from '@/features/contacts/components/ContactTable';
import { ClientReferrals } from '@/features/referrals/components/ClientReferrals';
import { Can } from '@/lib/can';

export function ClientDetailRoute() {
  const { id = '' } = useParams();
  const { t } = useTranslation('clients');
  const { t: tr } = useTranslation('referrals');
  const query = useClient(id);
  const timeline = useClientTimeline(id);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} onRetry={() => void query.refetch()} />;
  const client = query.data;
  const contacts = timeline.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        back={<Link to="/clients">← {t('backToList')}</Link>}
        title={
          <span className="mono" data-testid="client-code">
            {client.code}
          </span>
        }
        actions={
          <Can permission="contacts:write">
            <Link
              to={`/contacts/new?code=${encodeURIComponent(client.code)}`}
              className="btn btn--primary"
              data-testid="client-record-contact"
            >
              {t('recordContact')}
            </Link>
          </Can>
        }
      />
      <ClientDetails client={client} />
      <section className="section" data-testid="client-timeline">
        <h2>{t('timeline.title')}</h2>
        {timeline.isPending ? (
          <Loading />
        ) : timeline.isError ? (
          <ErrorView error={timeline.error} onRetry={() => void timeline.refetch()} />
        ) : contacts.length === 0 ? (
          <Empty>{t('timeline.empty')}</Empty>
        ) : (
          <>
            <ContactTable items={contacts} linkClients={false} />
            <LoadMore
              hasMore={timeline.hasNextPage}
              loading={timeline.isFetchingNextPage}
              onClick={() => void timeline.fetchNextPage()}
            />
          </>
        )}
      </section>
      <Can permission="referrals:read">
        <section className="section" data-testid="client-referrals">
          <h2>{tr('clientReferrals')}</h2>
          <ClientReferrals clientId={client.id} />
        </section>
      </Can>
    </>
  );
}
