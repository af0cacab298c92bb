import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Plan } from '@/lib/api-types';
import { formatDate, formatVnd } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { ExecutionBar } from './ExecutionBar';
import { PlanStatusBadge } from './PlanStatusBadge';

export function PlanTable({ items }: { items: Plan[] }) {
  const { t } = useTranslation('plans');
  const lang = currentLanguage();
  return (
    <table className="table table--cards" data-testid="plan-table">
      <thead>
        <tr>
          <th scope="col">{t('fields.number')}</th>
          <th scope="col">{t('fields.title')}</th>
          <th scope="col">{t('fields.year')}</th>
          <th scope="col">{t('fields.issuedOn')}</th>
          <th scope="col">{t('fields.status')}</th>
          <th scope="col" className="num">
            {t('execution.allocated')}
          </th>
          <th scope="col">{t('execution.rate')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((p) => (
          <tr key={p.id} data-testid="plan-row">
            <td data-label={t('fields.number')} className="table__primary">
              <Link to={`/plans/${p.id}`} data-testid="plan-link">
                {p.number}
              </Link>
            </td>
            <td data-label={t('fields.title')}>{p.title}</td>
            <td data-label={t('fields.year')}>{p.year}</td>
            <td data-label={t('fields.issuedOn')}>{formatDate(p.issued_on, lang) || '—'}</td>
            <td data-label={t('fields.status')}>
              <PlanStatusBadge status={p.status} />
            </td>
            <td data-label={t('execution.allocated')} className="num">
              {p.totals ? formatVnd(p.totals.allocated_vnd) : '—'}
            </td>
            <td data-label={t('execution.rate')}>{p.totals ? <ExecutionBar rate={p.totals.execution_rate} /> : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
