import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Empty, LoadMore, Loading } from '@/components/Status';
import { useActivities } from '@/features/activities/api/list-activities';
import { ActivityTable } from '@/features/activities/components/ActivityTable';
import { ExportButtons } from '@/features/imports/components/ExportButtons';
import { OutboxList } from '@/features/offline/components/OutboxList';
import type { ActivityQuery } from '@/lib/api-types';
import { Can } from '@/lib/can';
import { ACTIVITY_KINDS } from '@/lib/enums';

export function ActivityListRoute() {
  const { t } = useTranslation('activities');
  const { t: te } = useTranslation('enums');
  const { t: tc } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? '';
  const filters = useMemo(
    () => (kind ? { kind: kind as ActivityQuery['kind'] } : {}) as Omit<ActivityQuery, 'cursor' | 'limit'>,
    [kind],
  );
  const query = useActivities(filters);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          <>
            <ExportButtons resource="activities" permission="activities:read" filters={filters} />
            <Can permission="activities:write">
              <Link to="/activities/new" className="btn btn--primary" data-testid="activity-new">
                {t('new')}
              </Link>
            </Can>
          </>
        }
      />
      <OutboxList kind="activity" hideWhenEmpty />
      <div className="filters filters--inline">
        <label className="field field--inline">
          <span>{t('filters.kind')}</span>
          <select
            value={kind}
            onChange={(e) => setParams(e.target.value ? { kind: e.target.value } : {}, { replace: true })}
            data-testid="filter-kind"
          >
            <option value="">{tc('all')}</option>
            {ACTIVITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {te(`activityKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
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
          <ActivityTable items={items} />
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
