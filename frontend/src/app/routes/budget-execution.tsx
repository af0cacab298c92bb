import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Loading } from '@/components/Status';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import { useBudgetExecution } from '@/features/plans/api/execution';
import { ExecutionOverview } from '@/features/plans/components/ExecutionOverview';
import type { ExecutionQuery } from '@/lib/api-types';
import { useSearchFilters } from '@/lib/use-search-filters';

/** Execution by funding source and category: aggregates only, open to viewers. */
export function BudgetExecutionRoute() {
  const { t } = useTranslation('plans');
  const [params, set] = useSearchFilters();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year') || thisYear);
  const orgUnit = params.get('org_unit');
  const filters: ExecutionQuery = orgUnit ? { year, org_unit: orgUnit } : { year };
  const query = useBudgetExecution(filters);
  const years = Array.from({ length: 8 }, (_, i) => thisYear + 1 - i);
  return (
    <>
      <PageHeader title={t('execution.title')} />
      <div className="filters filters--inline">
        <label className="field field--inline">
          <span>{t('fields.year')}</span>
          <select value={year} onChange={(e) => set('year', e.target.value)} data-testid="exec-year">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <div className="field field--inline">
          <span>{t('execution.area')}</span>
          <OrgUnitPicker value={orgUnit} onChange={(id) => set('org_unit', id)} data-testid="exec-area" />
        </div>
      </div>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <ExecutionOverview data={query.data} />
      )}
    </>
  );
}
