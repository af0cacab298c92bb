import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useOutbox } from '../OutboxProvider';

/** Top-bar status: offline, and how many records wait to be sent (a link to the list). */
export function OutboxBadge() {
  const { t } = useTranslation('offline');
  const { entries, online, syncing } = useOutbox();
  const failed = entries.some((e) => e.status === 'failed');
  return (
    <div className="outbox-status">
      {!online ? (
        <span className="pill pill--offline" data-testid="offline-indicator" title={t('offlineHint')}>
          {t('offline')}
        </span>
      ) : null}
      {entries.length > 0 ? (
        <Link
          to="/outbox"
          className={`pill pill--count${failed ? ' pill--failed' : ''}`}
          data-testid="outbox-badge"
          aria-label={t('badge', { count: entries.length })}
          title={syncing ? t('syncing') : t('badge', { count: entries.length })}
        >
          <span aria-hidden="true">{syncing ? '⟳' : '⏳'}</span>
          <span data-testid="outbox-count">{entries.length}</span>
        </Link>
      ) : null}
    </div>
  );
}
