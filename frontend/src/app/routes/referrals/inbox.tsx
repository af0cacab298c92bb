import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { Empty, LoadMore, Loading } from '@/components/Status';
import { useReferrals, useReferralsInStatuses } from '@/features/referrals/api/list-referrals';
import { ReferralCards } from '@/features/referrals/components/ReferralCards';
import { CLOSED_STATUSES } from '@/features/referrals/schemas';
import { useAuth } from '@/lib/auth';

const INBOX_TABS = ['sent', 'accepted', 'closed'] as const;
type InboxTab = (typeof INBOX_TABS)[number];

/** A partner's inbox: referrals addressed to its organisation (the API scopes them), answered in place. */
export function ReferralInboxRoute() {
  const { t } = useTranslation('referrals');
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab') as InboxTab | null;
  const tab: InboxTab = raw && INBOX_TABS.includes(raw) ? raw : 'sent';
  const open = useReferrals({ status: tab === 'closed' ? undefined : tab }, tab !== 'closed');
  const closed = useReferralsInStatuses(CLOSED_STATUSES, {}, tab === 'closed');
  const items = tab === 'closed' ? closed.items : (open.data?.pages.flatMap((p) => p.items) ?? []);
  const pending = tab === 'closed' ? closed.isPending : open.isPending;
  const error = tab === 'closed' ? closed.error : open.error;
  return (
    <>
      <PageHeader title={t('inboxTitle')} />
      <p className="muted">
        {user?.organisation ? t('inboxIntro', { organisation: user.organisation.name }) : t('inboxIntroNoOrg')}
      </p>
      <div className="tabs" role="tablist">
        {INBOX_TABS.map((c) => (
          <button
            key={c}
            type="button"
            role="tab"
            aria-selected={tab === c}
            className={`tabs__tab${tab === c ? ' is-active' : ''}`}
            onClick={() => setParams(c === 'sent' ? {} : { tab: c }, { replace: true })}
            data-testid={`inbox-tab-${c}`}
          >
            {t(`columns.${c}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" data-testid={`inbox-panel-${tab}`}>
        {pending ? (
          <Loading />
        ) : error ? (
          <ErrorView error={error} onRetry={() => (tab === 'closed' ? closed.refetch() : void open.refetch())} />
        ) : items.length === 0 ? (
          <Empty>{t('inboxEmpty')}</Empty>
        ) : (
          <>
            <ReferralCards items={items} withActions />
            {tab !== 'closed' ? (
              <LoadMore
                hasMore={open.hasNextPage}
                loading={open.isFetchingNextPage}
                onClick={() => void open.fetchNextPage()}
              />
            ) : null}
          </>
        )}
      </div>
    </>
  );
}
