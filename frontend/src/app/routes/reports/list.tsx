import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { PeriodPicker } from '@/components/PeriodPicker';
import { Empty, LoadMore, Loading } from '@/components/Status';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import { useReports } from '@/features/reports/api/reports';
import { OverduePanel } from '@/features/reports/components/OverduePanel';
import { ReportForm } from '@/features/reports/components/ReportForm';
import { ReportTable } from '@/features/reports/components/ReportTable';
import { REPORT_STATUSES } from '@/features/reports/schemas';
import type { ReportQuery, ReportStatus } from '@/lib/api-types';
import { useAuth } from '@/lib/auth';
import { Can } from '@/lib/can';
import { currentQuarter } from '@/lib/period';
import { useSearchFilters } from '@/lib/use-search-filters';

export function ReportListRoute() {
  const { t } = useTranslation('reports');
  const { t: te } = useTranslation('enums');
  const { user } = useAuth();
  const navigate = useNavigate();
  const [params, set] = useSearchFilters();
  const [creating, setCreating] = useState(params.get('new') === '1');
  const period = params.get('period');
  const status = params.get('status') as ReportStatus | null;
  const overdue = params.get('overdue') === 'true';
  const orgUnit = params.get('org_unit');
  const filters: Omit<ReportQuery, 'cursor' | 'limit'> = {
    ...(period ? { period } : {}),
    ...(status ? { status } : {}),
    ...(overdue ? { overdue: true } : {}),
    ...(orgUnit ? { org_unit: orgUnit } : {}),
  };
  const query = useReports(filters);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  // The level above follows the units below it: a commune has none.
  const hasUnitsBelow = Boolean(user && user.org_unit.level !== 'commune');
  const overduePeriod = params.get('due_period') || period || currentQuarter();

  return (
    <>
      <PageHeader
        title={t('listTitle')}
        actions={
          <>
            {hasUnitsBelow ? (
              <Link to="/reports/consolidated" className="btn btn--secondary" data-testid="consolidation-link">
                {t('consolidation.button')}
              </Link>
            ) : null}
            <Can permission="reports:write">
              {!creating ? (
                <button
                  type="button"
                  className="btn btn--primary"
                  onClick={() => setCreating(true)}
                  data-testid="report-new"
                >
                  {t('create.button')}
                </button>
              ) : null}
            </Can>
          </>
        }
      />
      {creating && user ? (
        <ReportForm
          initial={{ org_unit_id: user.org_unit.id, period: currentQuarter(), comment: '' }}
          initialOrgUnitLabel={user.org_unit.name}
          onSaved={(id) => void navigate(`/reports/${id}?created=1`)}
          onCancel={() => setCreating(false)}
        />
      ) : null}

      <div className="filters filters--inline" data-testid="report-filters">
        <div className="field field--inline">
          <span>{t('filters.period')}</span>
          <PeriodPicker value={period} allowAll onChange={(code) => set('period', code)} data-testid="filter-period" />
        </div>
        <label className="field field--inline">
          <span>{t('filters.status')}</span>
          <select
            value={status ?? ''}
            onChange={(e) => set('status', e.target.value || null)}
            data-testid="filter-status"
          >
            <option value="">{t('filters.allStatuses')}</option>
            {REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {te(`reportStatus.${s}`)}
              </option>
            ))}
          </select>
        </label>
        {hasUnitsBelow ? (
          <div className="field field--inline">
            <span>{t('filters.unit')}</span>
            <OrgUnitPicker value={orgUnit} onChange={(id) => set('org_unit', id)} data-testid="filter-unit" />
          </div>
        ) : null}
        <label className="check">
          <input
            type="checkbox"
            checked={overdue}
            onChange={(e) => set('overdue', e.target.checked ? 'true' : null)}
            data-testid="filter-overdue"
          />
          <span>{t('filters.overdue')}</span>
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
          <ReportTable items={items} />
          <LoadMore
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          />
        </>
      )}

      {hasUnitsBelow && user ? (
        <OverduePanel
          orgUnit={user.org_unit.id}
          unitName={user.org_unit.name}
          period={overduePeriod}
          onPeriodChange={(code) => set('due_period', code)}
        />
      ) : null}
    </>
  );
}
