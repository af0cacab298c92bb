import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Empty, LoadMore, Loading } from '@/components/Status';
import { useEstablishments } from '@/features/establishments/api/list-establishments';
import { EstablishmentFiltersBar } from '@/features/establishments/components/EstablishmentFiltersBar';
import { EstablishmentTable } from '@/features/establishments/components/EstablishmentTable';
import { ExportButtons } from '@/features/imports/components/ExportButtons';
import { FILTER_KEYS, type EstablishmentFilters } from '@/features/establishments/schemas';
import type { EstablishmentQuery } from '@/lib/api-types';
import { Can } from '@/lib/can';

function toQuery(f: EstablishmentFilters): Omit<EstablishmentQuery, 'cursor' | 'limit'> {
  const q: Record<string, string | boolean> = {};
  if (f.q.trim()) q.q = f.q.trim();
  if (f.org_unit) q.org_unit = f.org_unit;
  if (f.type) q.type = f.type;
  if (f.status) q.status = f.status;
  if (f.risk_level) q.risk_level = f.risk_level;
  if (f.has_commitment) q.has_commitment = f.has_commitment === 'true';
  if (f.sort) q.sort = f.sort;
  return q as Omit<EstablishmentQuery, 'cursor' | 'limit'>;
}

export function EstablishmentListRoute() {
  const { t } = useTranslation('establishments');
  const [params, setParams] = useSearchParams();
  const filters = useMemo(
    () => Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as unknown as EstablishmentFilters,
    [params],
  );
  const query = useEstablishments(toQuery(filters));
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          <>
            <ExportButtons resource="establishments" permission="establishments:read" filters={toQuery(filters)} />
            <Can permission="establishments:write">
              <Link to="/establishments/new" className="btn btn--primary" data-testid="establishment-new">
                {t('new')}
              </Link>
            </Can>
          </>
        }
      />
      <EstablishmentFiltersBar
        filters={filters}
        onChange={(patch) =>
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              for (const [k, val] of Object.entries(patch)) {
                if (val) next.set(k, val);
                else next.delete(k);
              }
              return next;
            },
            { replace: true },
          )
        }
        onReset={() => setParams(new URLSearchParams(), { replace: true })}
      />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('empty')}</Empty>
      ) : (
        <>
          <p className="muted small" aria-live="polite" data-testid="result-count">
            {t('shown', { count: items.length })}
          </p>
          <EstablishmentTable items={items} />
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
