import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Empty, LoadMore, Loading } from '@/components/Status';
import { usePlans } from '@/features/plans/api/plans';
import { PlanTable } from '@/features/plans/components/PlanTable';
import { Can } from '@/lib/can';

export function PlanListRoute() {
  const { t } = useTranslation('plans');
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const yearParam = params.get('year');
  // No parameter: this year; "all" lists every year.
  const year = yearParam === 'all' ? null : Number(yearParam || thisYear);
  const query = usePlans(year ? { year } : {});
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  return (
    <>
      <PageHeader
        title={t('listTitle')}
        actions={
          <>
            <Can permission="budget_execution:read">
              <Link to={`/budget-execution?year=${year ?? thisYear}`} className="btn btn--secondary">
                {t('execution.title')}
              </Link>
            </Can>
            <Can permission="plans:write">
              <Link to="/plans/new" className="btn btn--primary" data-testid="plan-new">
                {t('create.button')}
              </Link>
            </Can>
          </>
        }
      />
      <div className="filters filters--inline">
        <label className="field field--inline">
          <span>{t('fields.year')}</span>
          <select
            value={year === null ? 'all' : String(year)}
            onChange={(e) => setParams({ year: e.target.value }, { replace: true })}
            data-testid="plan-filter-year"
          >
            <option value="all">{t('filters.allYears')}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
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
          <PlanTable items={items} />
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
