import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReportSummary } from '@/lib/api-types';
import { formatDate, formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { formatPeriod } from '@/lib/period';
import { DueBadge } from './DueBadge';
import { ReportStatusBadge } from './ReportStatusBadge';

export function ReportTable({ items }: { items: ReportSummary[] }) {
  const { t } = useTranslation('reports');
  const lang = currentLanguage();
  return (
    <table className="table table--cards" data-testid="report-table">
      <thead>
        <tr>
          <th scope="col">{t('fields.orgUnit')}</th>
          <th scope="col">{t('fields.period')}</th>
          <th scope="col">{t('fields.dueOn')}</th>
          <th scope="col">{t('fields.status')}</th>
          <th scope="col">{t('fields.updatedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((r) => (
          <tr
            key={r.id}
            data-testid="report-row"
            data-unit={r.org_unit_name}
            data-period={r.period}
            data-status={r.status}
          >
            <td className="table__primary" data-label={t('fields.orgUnit')}>
              <Link to={`/reports/${r.id}`} data-testid="report-link">
                {r.org_unit_name || r.org_unit_id}
              </Link>
            </td>
            <td data-label={t('fields.period')}>{formatPeriod(r.period, lang)}</td>
            <td data-label={t('fields.dueOn')}>
              <span className="badges">
                {formatDate(r.due_on, lang)}
                <DueBadge dueOn={r.due_on} overdue={Boolean(r.overdue)} status={r.status} />
              </span>
            </td>
            <td data-label={t('fields.status')}>
              <ReportStatusBadge status={r.status} />
            </td>
            <td data-label={t('fields.updatedAt')} className="small">
              {formatDateTime(r.updated_at, lang)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
