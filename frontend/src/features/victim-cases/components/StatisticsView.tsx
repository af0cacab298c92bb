import { useTranslation } from 'react-i18next';
import { BarChart } from '@/components/BarChart';
import type { StatCell, VictimStatistics } from '@/lib/api-types';
import { AGE_GROUPS, EXPLOITATIONS, SERVICE_TYPES, SEXES, VICTIM_SOURCES } from '@/lib/enums';
import { formatVnd } from '@/lib/format';

function cell(value: StatCell | undefined): number | string {
  return value ?? 0;
}

/** Keys in a fixed, meaningful order, then whatever else the API sent. */
function ordered(known: readonly string[], data: Record<string, StatCell> | undefined): string[] {
  const keys = Object.keys(data ?? {});
  return [...known.filter((k) => keys.includes(k)), ...keys.filter((k) => !known.includes(k))];
}

export function StatisticsView({ stats }: { stats: VictimStatistics }) {
  const { t } = useTranslation('victims');
  const { t: te } = useTranslation('enums');
  const by = stats.identified_by ?? {};
  const dims = [
    { key: 'sex', title: t('stats.bySex'), known: SEXES, label: (k: string) => te(`sex.${k as 'female'}`) },
    {
      key: 'age_group',
      title: t('stats.byAgeGroup'),
      known: AGE_GROUPS,
      label: (k: string) => te(`ageGroup.${k as 'unknown'}`),
    },
    {
      key: 'exploitation',
      title: t('stats.byExploitation'),
      known: EXPLOITATIONS,
      label: (k: string) => te(`exploitation.${k as 'sexual'}`),
    },
    {
      key: 'source',
      title: t('stats.bySource'),
      known: VICTIM_SOURCES,
      label: (k: string) => te(`victimSource.${k as 'police'}`),
    },
  ];
  const supportTypes = ordered(
    SERVICE_TYPES,
    Object.fromEntries(Object.keys(stats.supports_by_type ?? {}).map((k) => [k, 0])),
  );
  return (
    <div className="stats" data-testid="victim-statistics">
      <div className="kpis">
        {(['identified', 'received', 'supported'] as const).map((k) => (
          <div key={k} className="kpi card" data-testid={`stat-${k}`}>
            <span className="kpi__value" data-testid="kpi-value">
              {String(stats[k])}
            </span>
            <span className="kpi__label">{t(`stats.${k}`)}</span>
          </div>
        ))}
      </div>
      {stats.suppressed ? <p className="muted small">{t('stats.suppressed')}</p> : null}
      <div className="charts">
        {dims.map((d) => (
          <BarChart
            key={d.key}
            title={d.title}
            testId={`stat-${d.key}`}
            bars={ordered(d.known, by[d.key]).map((k) => ({ key: k, label: d.label(k), value: cell(by[d.key]?.[k]) }))}
          />
        ))}
        <BarChart
          title={`${t('stats.supportsByType')} — ${t('stats.cases')}`}
          testId="stat-supports"
          bars={supportTypes.map((k) => {
            const row = stats.supports_by_type?.[k] ?? {};
            const amount = row.amount_vnd;
            return {
              key: k,
              label: te(`serviceType.${k as 'loan'}`),
              value: cell(row.cases),
              display: (
                <>
                  {String(cell(row.cases))}
                  <span className="muted small">
                    {' '}
                    · {typeof amount === 'number' ? formatVnd(amount) : String(amount ?? '')}
                  </span>
                </>
              ),
            };
          })}
        />
      </div>
    </div>
  );
}
