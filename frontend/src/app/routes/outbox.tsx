import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { PageHeader } from '@/components/PageHeader';
import { OutboxList } from '@/features/offline/components/OutboxList';
import { useOutbox } from '@/features/offline/OutboxProvider';

/** Everything recorded on this phone that the server does not have yet. */
export function OutboxRoute() {
  const { t } = useTranslation('offline');
  const { online, syncing, pendingCount, flush } = useOutbox();
  return (
    <>
      <PageHeader
        title={t('title')}
        actions={
          pendingCount > 0 ? (
            <button
              type="button"
              className="btn btn--primary"
              disabled={!online || syncing}
              onClick={() => void flush()}
              data-testid="outbox-send-now"
            >
              {syncing ? t('syncing') : t('sendNow')}
            </button>
          ) : null
        }
      />
      {!online ? <Alert kind="warning">{t('offlineHint')}</Alert> : null}
      <OutboxList />
    </>
  );
}
