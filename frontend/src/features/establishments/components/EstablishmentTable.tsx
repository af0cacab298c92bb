import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Establishment } from '@/lib/api-types';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';

export function RiskBadge({ level }: { level: Establishment['risk_level'] }) {
  const { t } = useTranslation('enums');
  if (!level) return <span className="muted">—</span>;
  return <span className={`badge badge--risk-${level}`}>{t(`riskLevel.${level}`)}</span>;
}

export function EstablishmentTable({ items }: { items: Establishment[] }) {
  const { t } = useTranslation('establishments');
  const { t: te } = useTranslation('enums');
  const lang = currentLanguage();
  return (
    <table className="table table--cards" data-testid="establishment-table">
      <thead>
        <tr>
          <th scope="col">{t('fields.name')}</th>
          <th scope="col">{t('fields.type')}</th>
          <th scope="col">{t('fields.orgUnit')}</th>
          <th scope="col">{t('fields.status')}</th>
          <th scope="col">{t('fields.riskLevel')}</th>
          <th scope="col">{t('fields.commitmentSignedOn')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr key={e.id} data-testid="establishment-row">
            <td data-label={t('fields.name')} className="table__primary">
              <Link to={`/establishments/${e.id}`}>{e.name}</Link>
              {e.address ? <div className="muted small">{e.address}</div> : null}
            </td>
            <td data-label={t('fields.type')}>{te(`establishmentType.${e.type}`)}</td>
            <td data-label={t('fields.orgUnit')}>{e.org_unit_name ?? ''}</td>
            <td data-label={t('fields.status')}>
              <span className={`badge badge--status-${e.status}`}>{te(`establishmentStatus.${e.status}`)}</span>
            </td>
            <td data-label={t('fields.riskLevel')}>
              <RiskBadge level={e.risk_level} />
            </td>
            <td data-label={t('fields.commitmentSignedOn')}>
              {e.commitment_signed_on ? (
                formatDate(e.commitment_signed_on, lang)
              ) : (
                <span className="muted">{t('noCommitment')}</span>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
