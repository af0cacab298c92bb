import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Empty, LoadMore, Loading } from '@/components/Status';
import { useVictimCases } from '@/features/victim-cases/api/cases';
import { CaseTable } from '@/features/victim-cases/components/CaseTable';
import type { CaseStatus } from '@/lib/api-types';
import { Can } from '@/lib/can';
import { CASE_STATUSES } from '@/lib/enums';

export function VictimCaseListRoute() {
  const { t } = useTranslation('victims');
  const { t: te } = useTranslation('enums');
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') ?? '') as CaseStatus | '';
  const query = useVictimCases(status ? { status } : {});
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader
        title={t('listTitle')}
        actions={
          <Can permission="victim_cases:write">
            <Link to="/victim-cases/new" className="btn btn--primary" data-testid="victim-intake-new">
              {t('newIntake')}
            </Link>
          </Can>
        }
      />
      <p className="muted small">{t('protected')}</p>
      <div className="filters filters--inline">
        <label className="field field--inline">
          <span>{t('filters.status')}</span>
          <select
            value={status}
            onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {}, { replace: true })}
            data-testid="case-filter-status"
          >
            <option value="">{t('filters.all')}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {te(`caseStatus.${s}`)}
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
          <p className="muted small">{t('shown', { count: items.length })}</p>
          <CaseTable items={items} />
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
