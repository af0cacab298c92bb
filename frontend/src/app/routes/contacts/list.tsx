import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Empty, LoadMore, Loading } from '@/components/Status';
import { useContacts } from '@/features/contacts/api/list-contacts';
import { ContactTable } from '@/features/contacts/components/ContactTable';
import { ExportButtons } from '@/features/imports/components/ExportButtons';
import { OutboxList } from '@/features/offline/components/OutboxList';
import type { ContactQuery } from '@/lib/api-types';
import { Can } from '@/lib/can';
import { useSearchFilters } from '@/lib/use-search-filters';

export function ContactListRoute() {
  const { t } = useTranslation('contacts');
  const [params, set] = useSearchFilters();
  const mine = params.get('mine') === 'true';
  const since = params.get('since') ?? '';
  const until = params.get('until') ?? '';
  const filters = useMemo(() => {
    const q: Omit<ContactQuery, 'cursor' | 'limit'> = {};
    if (mine) q.mine = true;
    if (since) q.since = since;
    if (until) q.until = until;
    return q;
  }, [mine, since, until]);
  const query = useContacts(filters);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('listTitle')}
        actions={
          <>
            <ExportButtons resource="contacts" permission="contacts:read" filters={filters} />
            <Can permission="contacts:write">
              <Link to="/contacts/new" className="btn btn--primary" data-testid="contact-new">
                {t('new')}
              </Link>
            </Can>
          </>
        }
      />
      <OutboxList kind="contact" hideWhenEmpty />
      <div className="filters filters--inline">
        <label className="check check--large">
          <input
            type="checkbox"
            checked={mine}
            onChange={(e) => set('mine', e.target.checked ? 'true' : '')}
            data-testid="filter-mine"
          />
          {t('list.mine')}
        </label>
        <label className="field field--inline">
          <span>{t('list.since')}</span>
          <input type="date" value={since} onChange={(e) => set('since', e.target.value)} data-testid="filter-since" />
        </label>
        <label className="field field--inline">
          <span>{t('list.until')}</span>
          <input type="date" value={until} onChange={(e) => set('until', e.target.value)} data-testid="filter-until" />
        </label>
      </div>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('list.empty')}</Empty>
      ) : (
        <>
          <p className="muted small" aria-live="polite" data-testid="result-count">
            {t('list.shown', { count: items.length })}
          </p>
          <ContactTable items={items} />
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
