import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PeriodPicker } from '@/components/PeriodPicker';
import { Empty, Loading } from '@/components/Status';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useOverdue } from '../api/overdue';
import { DueBadge } from './DueBadge';
import { ReportStatusBadge } from './ReportStatusBadge';

const PAGE = 10;

/** For the level above: every unit that reports to `orgUnit` for a period, late ones first. */
export function OverduePanel({
  orgUnit,
  unitName,
  period,
  onPeriodChange,
}: {
  orgUnit: string;
  unitName: string;
  period: string;
  onPeriodChange: (code: string) => void;
}) {
  const { t } = useTranslation('reports');
  const lang = currentLanguage();
  const query = useOverdue(orgUnit, period);
  const [all, setAll] = useState(false);
  const data = query.data;
  const late = data?.units.filter((u) => u.overdue).length ?? 0;
  const rows = data ? (all ? data.units : data.units.slice(0, PAGE)) : [];
  return (
    <section className="section card" data-testid="overdue-panel">
      <div className="section__head">
        <h2>
          {t('overdue.title')} <span className="muted small">— {unitName}</span>
        </h2>
        <PeriodPicker value={period} onChange={(code) => code && onPeriodChange(code)} data-testid="overdue-period" />
      </div>
      {query.isPending ? (
        <Loading />
      ) : query.isError ? (
        <ErrorView error={query.error} onRetry={() => void query.refetch()} />
      ) : data && data.units.length === 0 ? (
        <Empty>{t('overdue.none')}</Empty>
      ) : data ? (
        <>
          <p className="badges" data-testid="overdue-summary">
            <span>
              {t('overdue.summary', {
                due: formatDate(data.due_on, lang),
                submitted: data.submitted,
                expected: data.expected,
              })}
            </span>
            {late ? (
              <span className="badge badge--danger" data-testid="overdue-late-count">
                {t('overdue.lateCount', { count: late })}
              </span>
            ) : null}
          </p>
          <table className="table table--cards" data-testid="overdue-table">
            <thead>
              <tr>
                <th scope="col">{t('overdue.unit')}</th>
                <th scope="col">{t('overdue.status')}</th>
                <th scope="col">{t('overdue.lateness')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.org_unit_id} data-testid="overdue-row" data-unit={u.org_unit_name} data-status={u.status}>
                  <td className="table__primary" data-label={t('overdue.unit')}>
                    {u.report_id ? <Link to={`/reports/${u.report_id}`}>{u.org_unit_name}</Link> : u.org_unit_name}
                  </td>
                  <td data-label={t('overdue.status')}>
                    <ReportStatusBadge status={u.status} testId="overdue-status" />
                  </td>
                  <td data-label={t('overdue.lateness')}>
                    <DueBadge
                      dueOn={u.due_on}
                      overdue={u.overdue}
                      status={u.status}
                      daysOverdue={u.days_overdue}
                      today={data.as_of}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.units.length > PAGE ? (
            <div className="load-more">
              <button
                type="button"
                className="btn btn--secondary"
                onClick={() => setAll((a) => !a)}
                data-testid="overdue-toggle"
              >
                {all ? t('overdue.showFewer') : t('overdue.showAll', { count: data.units.length })}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
