import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Empty, LoadMore, Loading } from '@/components/Status';
import { usePeerGroups } from '@/features/peer-groups/api/list-peer-groups';
import { PeerGroupCards } from '@/features/peer-groups/components/PeerGroupCards';
import { ExportButtons } from '@/features/imports/components/ExportButtons';
import { Can } from '@/lib/can';

export function PeerGroupListRoute() {
  const { t } = useTranslation('peerGroups');
  const query = usePeerGroups({});
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          <>
            <ExportButtons resource="peer-groups" permission="peer_groups:read" filters={{}} />
            <Can permission="peer_groups:write">
              <Link to="/peer-groups/new" className="btn btn--primary" data-testid="peer-group-new">
                {t('create.button')}
              </Link>
            </Can>
          </>
        }
      />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <>
          <PeerGroupCards items={items} />
          <LoadMore
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}
