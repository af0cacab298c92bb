import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { PeriodPicker } from '@/components/PeriodPicker';
import { Loading } from '@/components/Status';
import { SuppressionNotice } from '@/features/indicators/components/SuppressionNotice';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import { useConsolidation } from '@/features/reports/api/consolidation';
import { downloadConsolidationXlsx } from '@/features/reports/api/export-report';
import { ConsolidationView } from '@/features/reports/components/ConsolidationView';
import { useAuth } from '@/lib/auth';
import { currentLanguage } from '@/lib/i18n';
import { currentQuarter, formatPeriod } from '@/lib/period';

export function ConsolidatedReportRoute() {
  const { t } = useTranslation('reports');
  const { user } = useAuth();
  const lang = currentLanguage();
  const [params, setParams] = useSearchParams();
  const orgUnit = params.get('org_unit') || user?.org_unit.id || '';
  const period = params.get('period') || currentQuarter();
  const query = useConsolidation(orgUnit, period);
  const [exporting, setExporting] = useState(false);
  const [exportFailed, setExportFailed] = useState(false);
  const set = (key: string, value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
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
      <div className="filters filters--inline">
        <div className="field field--inline">
          <span>{t('consolidation.unit')}</span>
          <OrgUnitPicker
            value={orgUnit}
            fallbackLabel={orgUnit === user?.org_unit.id ? user.org_unit.name : null}
            onChange={(id) => set('org_unit', id)}
            data-testid="consolidation-unit"
          />
        </div>
        <div className="field field--inline">
          <span>{t('fields.period')}</span>
          <PeriodPicker value={period} onChange={(code) => set('period', code)} data-testid="consolidation-period" />
        </div>
      </div>
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
