import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { PeriodPicker } from '@/components/PeriodPicker';
import { Loading } from '@/components/Status';
import { useDashboard } from '@/features/dashboard/api/get-dashboard';
import { IndicatorCards } from '@/features/dashboard/components/IndicatorCards';
import { ReferralCascade } from '@/features/dashboard/components/ReferralCascade';
import { TrendChart } from '@/features/dashboard/components/TrendChart';
import { UnitTable } from '@/features/dashboard/components/UnitTable';
import { SuppressionNotice } from '@/features/indicators/components/SuppressionNotice';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import { useAuth } from '@/lib/auth';
import { currentLanguage } from '@/lib/i18n';
import { currentQuarter, formatPeriod } from '@/lib/period';

export function DashboardRoute() {
  const { t } = useTranslation('dashboard');
  const { user } = useAuth();
  const lang = currentLanguage();
  const [params, setParams] = useSearchParams();
  // Defaults: the user's own unit and the quarter Vietnam is in.
  const orgUnit = params.get('org_unit') || user?.org_unit.id || '';
  const period = params.get('period') || currentQuarter();
  const query = useDashboard({ org_unit: orgUnit, period });
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
      <div className="filters filters--inline">
        <div className="field field--inline">
          <span>{t('unit')}</span>
          <OrgUnitPicker
            value={orgUnit}
            fallbackLabel={orgUnit === user?.org_unit.id ? user.org_unit.name : null}
            onChange={(id) => set('org_unit', id)}
            data-testid="dashboard-unit"
          />
        </div>
        <div className="field field--inline">
          <span>{t('period')}</span>
          <PeriodPicker value={period} onChange={(code) => set('period', code)} data-testid="dashboard-period" />
        </div>
        {query.isFetching && data ? (
          <span className="muted small" role="status" data-testid="dashboard-updating">
            {t('updating')}
          </span>
        ) : null}
      </div>
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
