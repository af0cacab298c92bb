import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { VictimCase } from '@/lib/api-types';
import { formatDate, formatVnd } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';

export function CaseTable({ items }: { items: VictimCase[] }) {
  const { t } = useTranslation('victims');
  const { t: te } = useTranslation('enums');
  const lang = currentLanguage();
  return (
    <table className="table table--cards" data-testid="case-table">
      <thead>
        <tr>
          <th scope="col">{t('fields.client')}</th>
          <th scope="col">{t('fields.reportedOn')}</th>
          <th scope="col">{t('fields.status')}</th>
          <th scope="col">{t('fields.source')}</th>
          <th scope="col">{t('fields.exploitation')}</th>
          <th scope="col">{t('fields.person')}</th>
          <th scope="col" className="num">
            {t('supports.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id} data-testid="case-row">
            <td className="table__primary" data-label={t('fields.client')}>
              <Link to={`/victim-cases/${c.id}`} className="mono">
                {c.client_code ?? c.id.slice(0, 8)}
              </Link>
            </td>
            <td data-label={t('fields.reportedOn')}>{formatDate(c.reported_on, lang)}</td>
            <td data-label={t('fields.status')}>
              <span
                className={`badge ${c.status === 'closed' ? 'badge--muted' : c.status === 'under_identification' ? 'badge--waiting' : 'badge--info'}`}
              >
                {te(`caseStatus.${c.status}`)}
              </span>
            </td>
            <td data-label={t('fields.source')}>{te(`victimSource.${c.source}`)}</td>
            <td data-label={t('fields.exploitation')}>
              {te(`exploitation.${c.exploitation}`)}
              {c.exploitation_country ? ` (${c.exploitation_country})` : ''}
            </td>
            <td data-label={t('fields.person')}>
              {[c.sex ? te(`sex.${c.sex}`) : null, c.age_group ? te(`ageGroup.${c.age_group}`) : null]
                .filter(Boolean)
                .join(' · ')}
            </td>
            <td data-label={t('supports.total')} className="num">
              {formatVnd(c.supports_total_vnd ?? 0)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
