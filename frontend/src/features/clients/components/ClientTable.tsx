import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '@/lib/api-types';

export function ClientTable({ items }: { items: ClientSummary[] }) {
  const { t } = useTranslation('clients');
  const { t: te } = useTranslation('enums');
  return (
    <table className="table table--cards" data-testid="client-table">
      <thead>
        <tr>
          <th scope="col">{t('fields.code')}</th>
          <th scope="col">{t('fields.sex')}</th>
          <th scope="col">{t('fields.ageGroup')}</th>
          <th scope="col">{t('fields.group')}</th>
          <th scope="col">{t('fields.orgUnit')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id} data-testid="client-row">
            <td data-label={t('fields.code')} className="table__primary">
              <Link to={`/clients/${c.id}`} className="mono" data-testid="client-link">
                {c.code}
              </Link>
              {c.has_identity ? <span className="badge badge--muted"> {t('hasIdentity')}</span> : null}
            </td>
            <td data-label={t('fields.sex')}>{te(`sex.${c.sex}`)}</td>
            <td data-label={t('fields.ageGroup')}>
              {te(`ageGroup.${c.age_group ?? 'unknown'}`)}
              {c.birth_year ? <span className="muted small"> ({c.birth_year})</span> : null}
            </td>
            <td data-label={t('fields.group')}>{te(`clientGroup.${c.group}`)}</td>
            <td data-label={t('fields.orgUnit')}>{c.org_unit_name ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
