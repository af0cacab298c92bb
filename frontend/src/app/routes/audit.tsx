import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Empty, LoadMore, Loading } from '@/components/Status';
import { useAuditEvents } from '@/features/audit/api/list-audit-events';
import { AuditFiltersBar } from '@/features/audit/components/AuditFiltersBar';
import { AuditTable } from '@/features/audit/components/AuditTable';
import { AUDIT_FILTER_KEYS, toAuditQuery, type AuditFilters } from '@/features/audit/schemas';

export function AuditRoute() {
  const { t } = useTranslation('audit');
  const [params, setParams] = useSearchParams();
  const filters = useMemo(
    () => Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as unknown as AuditFilters,
    [params],
  );
  const query = useAuditEvents(toAuditQuery(filters));
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('title')} />
      <AuditFiltersBar
        key={params.toString()}
        filters={filters}
        onApply={(f) => {
          const next = new URLSearchParams();
          for (const [k, v] of Object.entries(f)) if (v) next.set(k, v);
          setParams(next, { replace: true });
        }}
        onReset={() => setParams(new URLSearchParams(), { replace: true })}
      />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty />
      ) : (
        <>
          <AuditTable items={items} />
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
