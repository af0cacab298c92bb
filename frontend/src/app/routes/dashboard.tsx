import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Loading } from '@/components/Status';
import { useDashboard } from '@/features/dashboard/api/get-dashboard';
import { IndicatorCards } from '@/features/dashboard/components/IndicatorCards';
import { ReferralCascade } from '@/features/dashboard/components/ReferralCascade';
import { TrendChart } from '@/features/dashboard/components/TrendChart';
import { UnitTable } from '@/features/dashboard/components/UnitTable';
import { SuppressionNotice } from '@/features/indicators/components/SuppressionNotice';
import { UnitPeriodFilters, useUnitPeriodParams } from '@/features/indicators/components/UnitPeriodFilters';
import { currentLanguage } from '@/lib/i18n';
import { formatPeriod } from '@/lib/period';

export function DashboardRoute() {
  const { t } = useTranslation('dashboard');
  const lang = currentLanguage();
  const { orgUnit, period } = useUnitPeriodParams();
  const query = useDashboard({ org_unit: orgUnit, period });
  const data = query.data;
  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          data ? (
            <span className="muted" data-testid="dashboard-subtitle">
              {t('subtitle', { unit: data.org_unit_name, period: formatPeriod(data.period, lang) })}
            </span>
          ) : null
        }
      />
      <UnitPeriodFilters unitLabel={t('unit')} periodLabel={t('period')} testIdPrefix="dashboard">
        {query.isFetching && data ? (
          <span className="muted small" role="status" data-testid="dashboard-updating">
            {t('updating')}
          </span>
        ) : null}
      </UnitPeriodFilters>
      {query.isPending ? (
        <>
          <Loading />
          <p className="muted small">{t('slowHint')}</p>
        </>
      ) : query.isError ? (
        <ErrorView error={query.error} onRetry={() => void query.refetch()} />
      ) : data ? (
        <div className={`dashboard${query.isPlaceholderData ? ' is-stale' : ''}`} data-testid="dashboard">
          <SuppressionNotice suppressed={data.suppressed} />
          <section className="section">
            <h2 className="visually-hidden">{t('cards.title')}</h2>
            <IndicatorCards cards={data.cards} />
          </section>
          <div className="dashboard__charts">
            <ReferralCascade cascade={data.cascade} />
            <TrendChart indicators={data.trend_indicators} trend={data.trend} />
          </div>
          <section className="section" data-testid="dashboard-units">
            <h2>{t('units.title')}</h2>
            <UnitTable indicators={data.unit_indicators} rows={data.by_unit} period={data.period} />
          </section>
        </div>
      ) : null}
    </>
  );
}
