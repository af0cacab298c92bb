import { useTranslation } from 'react-i18next';
import type { Organisation, ServiceType } from '@/lib/api-types';

/** Providers with their services and how to reach them; compact enough to print on one page. */
export function ServiceDirectoryList({ items, highlight }: { items: Organisation[]; highlight: ServiceType | null }) {
  const { t } = useTranslation('referrals');
  const { t: te } = useTranslation('enums');
  return (
    <ul className="directory-list" data-testid="directory-list">
      {items.map((org) => (
        <li key={org.id} className="directory-item" data-testid="directory-item">
          <div className="directory-item__name">
            <strong>{org.name}</strong> <span className="muted small">{te(`organisationKind.${org.kind}`)}</span>
          </div>
          <ul className="tags tags--inline">
            {org.services.map((s) => (
              <li key={s} className={`tag${s === highlight ? ' tag--need' : ''}`}>
                {te(`serviceType.${s}`)}
              </li>
            ))}
          </ul>
          <dl className="directory-item__contact small">
            {org.address ? (
              <div>
                <dt>{t('services.address')}</dt>
                <dd>{org.address}</dd>
              </div>
            ) : null}
            {org.phone ? (
              <div>
                <dt>{t('services.phone')}</dt>
                <dd>
                  <a href={`tel:${org.phone.replace(/\s/g, '')}`}>{org.phone}</a>
                </dd>
              </div>
            ) : null}
            {org.opening_hours ? (
              <div>
                <dt>{t('services.hours')}</dt>
                <dd>{org.opening_hours}</dd>
              </div>
            ) : null}
            {org.eligibility ? (
              <div>
                <dt>{t('services.eligibility')}</dt>
                <dd>{org.eligibility}</dd>
              </div>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
