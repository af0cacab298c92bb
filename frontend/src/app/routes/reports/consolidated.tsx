import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Loading } from '@/components/Status';
import { SuppressionNotice } from '@/features/indicators/components/SuppressionNotice';
import { UnitPeriodFilters, useUnitPeriodParams } from '@/features/indicators/components/UnitPeriodFilters';
import { useConsolidation } from '@/features/reports/api/consolidation';
import { downloadConsolidationXlsx } from '@/features/reports/api/export-report';
import { ConsolidationView } from '@/features/reports/components/ConsolidationView';
import { currentLanguage } from '@/lib/i18n';
import { formatPeriod } from '@/lib/period';

export function ConsolidatedReportRoute() {
  const { t } = useTranslation('reports');
  const lang = currentLanguage();
  const { orgUnit, period } = useUnitPeriodParams();
  const query = useConsolidation(orgUnit, period);
  const [exporting, setExporting] = useState(false);
  const [exportFailed, setExportFailed] = useState(false);
  const data = query.data;
  const onExport = () => {
    if (!data) return;
    setExportFailed(false);
    setExporting(true);
    downloadConsolidationXlsx(orgUnit, data.org_unit_name, period)
      .catch(() => setExportFailed(true))
      .finally(() => setExporting(false));
  };
  return (
    <>
      <PageHeader
        back={<Link to="/reports">← {t('consolidation.back')}</Link>}
        title={
          data
            ? `${t('consolidation.title')} — ${data.org_unit_name}, ${formatPeriod(period, lang)}`
            : t('consolidation.title')
        }
        actions={
          <button
            type="button"
            className="btn btn--secondary"
            onClick={onExport}
            disabled={!data || exporting}
            data-testid="consolidation-export"
          >
            {exporting ? t('export.working') : t('consolidation.download')}
          </button>
        }
      />
      {exportFailed ? <Alert testId="export-failed">{t('export.failed')}</Alert> : null}
      <UnitPeriodFilters
        unitLabel={t('consolidation.unit')}
        periodLabel={t('fields.period')}
        testIdPrefix="consolidation"
      />
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} onRetry={() => void query.refetch()} />
      ) : data ? (
        <>
          <SuppressionNotice suppressed={data.suppressed} />
          <ConsolidationView data={data} />
        </>
      ) : null}
    </>
  );
}
