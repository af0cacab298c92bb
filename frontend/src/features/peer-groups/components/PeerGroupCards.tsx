import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PeerGroup } from '@/lib/api-types';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';

export function PeerGroupCards({ items }: { items: PeerGroup[] }) {
  const { t } = useTranslation('peerGroups');
  const { t: te } = useTranslation('enums');
  const lang = currentLanguage();
  return (
    <ul className="card-list" data-testid="peer-group-list">
      {items.map((g) => (
        <li key={g.id} className="card card--link" data-testid="peer-group-row">
          <Link to={`/peer-groups/${g.id}`} className="card__title">
            {g.name}
          </Link>
          <div className="muted small">
            {te(`peerGroupKind.${g.kind}`)}
            {g.established_on ? ` · ${t('fields.establishedOn')} ${formatDate(g.established_on, lang)}` : ''}
          </div>
          <div className="card__meta">
            <span className={`badge ${g.active ? 'badge--ok' : 'badge--muted'}`}>
              {g.active ? t('active') : t('inactive')}
            </span>
            <span>{t('membersActive', { count: g.members_active ?? 0 })}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
