import { useTranslation } from 'react-i18next';
import type { Execution, ExecutionBreakdown } from '@/lib/api-types';
import { BUDGET_CATEGORIES, FUNDING_SOURCES } from '@/lib/enums';
import { formatVnd } from '@/lib/format';
import { ExecutionBar } from './ExecutionBar';

/** Keys in the fixed order, then whatever else the API sent. */
function ordered(known: readonly string[], data: Record<string, Execution>): string[] {
  const keys = Object.keys(data);
  return [...known.filter((k) => keys.includes(k)), ...keys.filter((k) => !known.includes(k))];
}

function ExecutionTable({
  title,
  rows,
  label,
  testId,
}: {
  title: string;
  rows: Record<string, Execution>;
  label: (key: string) => string;
  testId: string;
}) {
  const { t } = useTranslation('plans');
  const keys = ordered(testId === 'exec-by-source' ? FUNDING_SOURCES : BUDGET_CATEGORIES, rows);
  return (
    <section className="card" data-testid={testId}>
      <h2>{title}</h2>
      {keys.length === 0 ? (
        <p className="empty">{t('execution.empty')}</p>
      ) : (
        <table className="table table--cards">
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col" className="num">
                {t('execution.allocated')}
              </th>
              <th scope="col" className="num">
                {t('execution.spent')}
              </th>
              <th scope="col">{t('execution.rate')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => {
              const row = rows[k]!;
              return (
                <tr key={k} data-testid={`${testId}-${k}`}>
                  <td data-label={title} className="table__primary">
                    {label(k)}
                  </td>
                  <td data-label={t('execution.allocated')} className="num">
                    {formatVnd(row.allocated_vnd)}
                  </td>
                  <td data-label={t('execution.spent')} className="num">
                    {formatVnd(row.spent_vnd)}
                  </td>
                  <td data-label={t('execution.rate')}>
                    <ExecutionBar rate={row.execution_rate} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function ExecutionOverview({ data }: { data: ExecutionBreakdown }) {
  const { t } = useTranslation('plans');
  const { t: te } = useTranslation('enums');
  return (
    <div className="stats" data-testid="budget-execution">
      <div className="kpis">
        <div className="kpi card" data-testid="exec-allocated">
          <span className="kpi__value kpi__value--money">{formatVnd(data.total.allocated_vnd)}</span>
          <span className="kpi__label">{t('execution.allocated')}</span>
        </div>
        <div className="kpi card" data-testid="exec-spent">
          <span className="kpi__value kpi__value--money">{formatVnd(data.total.spent_vnd)}</span>
          <span className="kpi__label">{t('execution.spent')}</span>
        </div>
        <div className="kpi card" data-testid="exec-remaining">
          <span className="kpi__value kpi__value--money">{formatVnd(data.total.remaining_vnd)}</span>
          <span className="kpi__label">{t('execution.remaining')}</span>
        </div>
        <div className="kpi card" data-testid="exec-rate">
          <ExecutionBar rate={data.total.execution_rate} testId="exec-total" />
          <span className="kpi__label">{t('execution.rate')}</span>
        </div>
      </div>
      <div className="exec-tables">
        <ExecutionTable
          title={t('execution.bySource')}
          rows={data.by_source}
          label={(k) => te(`fundingSource.${k as 'central'}`, { defaultValue: k })}
          testId="exec-by-source"
        />
        <ExecutionTable
          title={t('execution.byCategory')}
          rows={data.by_category}
          label={(k) => te(`budgetCategory.${k as 'other'}`, { defaultValue: k })}
          testId="exec-by-category"
        />
      </div>
    </div>
  );
}
