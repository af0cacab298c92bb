import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { PageHeader } from '@/components/PageHeader';
import { ExportButtons } from '@/features/imports/components/ExportButtons';
import { Empty, LoadMore, Loading } from '@/components/Status';
import { useReferrals, useReferralsInStatuses } from '@/features/referrals/api/list-referrals';
import { ReferralCards } from '@/features/referrals/components/ReferralCards';
import { BOARD_COLUMNS, CLOSED_STATUSES, type BoardColumn } from '@/features/referrals/schemas';
import { useSearchFilters } from '@/lib/use-search-filters';

/** Referrals of the caller's area by status, as tabs; "overdue" narrows to follow-ups past their date. */
export function ReferralBoardRoute() {
  const { t } = useTranslation('referrals');
  const [params, set] = useSearchFilters();
  const tabParam = params.get('tab') as BoardColumn | null;
  const tab: BoardColumn = tabParam && BOARD_COLUMNS.includes(tabParam) ? tabParam : 'sent';
  const overdue = params.get('overdue') === 'true';
  const filters = overdue ? { overdue: true } : {};
  const open = useReferrals({ ...filters, status: tab === 'closed' ? undefined : tab }, tab !== 'closed');
  const closed = useReferralsInStatuses(CLOSED_STATUSES, filters, tab === 'closed');

  const items = tab === 'closed' ? closed.items : (open.data?.pages.flatMap((p) => p.items) ?? []);
  const pending = tab === 'closed' ? closed.isPending : open.isPending;
  const error = tab === 'closed' ? closed.error : open.error;

  return (
    <>
      <PageHeader
        title={t('boardTitle')}
        actions={
          <ExportButtons
            resource="referrals"
            permission="referrals:read"
            filters={{ ...filters, status: tab === 'closed' ? undefined : tab }}
          />
        }
      />
      <div className="tabs" role="tablist" aria-label={t('fields.status')}>
        {BOARD_COLUMNS.map((c) => (
          <button
            key={c}
            type="button"
            role="tab"
            aria-selected={tab === c}
            className={`tabs__tab${tab === c ? ' is-active' : ''}`}
            onClick={() => set('tab', c)}
            data-testid={`board-tab-${c}`}
          >
            {t(`columns.${c}`)}
          </button>
        ))}
      </div>
      <div className="filters filters--inline">
        <label className={`check check--large${overdue ? ' check--alert' : ''}`}>
          <input
            type="checkbox"
            checked={overdue}
            onChange={(e) => set('overdue', e.target.checked ? 'true' : '')}
            data-testid="filter-overdue"
          />
          {t('overdueOnly')}
        </label>
      </div>
      <div role="tabpanel" data-testid={`board-panel-${tab}`}>
        {pending ? (
          <Loading />
        ) : error ? (
          <ErrorView error={error} onRetry={() => (tab === 'closed' ? closed.refetch() : void open.refetch())} />
        ) : items.length === 0 ? (
          <Empty>{t('empty')}</Empty>
        ) : (
          <>
            <p className="muted small" aria-live="polite">
              {t('shown', { count: items.length })}
              {tab === 'closed' ? ` — ${t('closedNote')}` : ''}
            </p>
            <ReferralCards items={items} />
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
