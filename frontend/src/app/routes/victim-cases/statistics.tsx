import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Loading } from '@/components/Status';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import { downloadCtdc, useVictimStatistics } from '@/features/victim-cases/api/statistics';
import { StatisticsView } from '@/features/victim-cases/components/StatisticsView';
import { todayIso } from '@/features/victim-cases/schemas';
import type { VictimStatisticsQuery } from '@/lib/api-types';
import { Can } from '@/lib/can';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useSearchFilters } from '@/lib/use-search-filters';

export function VictimStatisticsRoute() {
  const { t } = useTranslation('victims');
  const lang = currentLanguage();
  const [params, set] = useSearchFilters();
  // The API asks for a period: this year so far unless one is chosen.
  const until = params.get('until') || todayIso();
  const since = params.get('since') || `${until.slice(0, 4)}-01-01`;
  const orgUnit = params.get('org_unit');
  const [exportFailed, setExportFailed] = useState(false);
  const filters = useMemo(() => {
    const f: VictimStatisticsQuery = { since, until };
    if (orgUnit) f.org_unit = orgUnit;
    return f;
  }, [since, until, orgUnit]);
  const query = useVictimStatistics(filters);
  return (
    <>
      <PageHeader
        title={t('statisticsTitle')}
        actions={
          <Can permission="victim_cases:export">
            <button
              type="button"
              className="btn btn--secondary"
              onClick={() => {
                setExportFailed(false);
                downloadCtdc(5).catch(() => setExportFailed(true));
              }}
              data-testid="export-ctdc"
            >
              {t('stats.exportCtdc')}
            </button>
          </Can>
        }
      />
      {exportFailed ? <Alert>{t('stats.exportFailed')}</Alert> : null}
      <div className="filters filters--inline">
        <label className="field field--inline">
          <span>{t('stats.since')}</span>
          <input type="date" value={since} onChange={(e) => set('since', e.target.value)} data-testid="stats-since" />
        </label>
        <label className="field field--inline">
          <span>{t('stats.until')}</span>
          <input type="date" value={until} onChange={(e) => set('until', e.target.value)} data-testid="stats-until" />
        </label>
        <div className="field field--inline">
          <span>{t('stats.area')}</span>
          <OrgUnitPicker value={orgUnit} onChange={(id) => set('org_unit', id)} data-testid="stats-area" />
        </div>
      </div>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          <p className="muted" data-testid="stats-period">
            {t('stats.period', {
              since: formatDate(query.data.since, lang),
              until: formatDate(query.data.until, lang),
            })}
          </p>
          <StatisticsView stats={query.data} />
        </>
      )}
    </>
  );
}
