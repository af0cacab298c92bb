import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { Empty, Loading } from '@/components/Status';
import { formatDateTime, formatVnd } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useLineRevisions } from '../api/budget-lines';

/** Recorded changes of a line's amount after approval: when, who, from → to, why. */
export function LineRevisions({ lineId }: { lineId: string }) {
  const { t } = useTranslation('plans');
  const lang = currentLanguage();
  const query = useLineRevisions(lineId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) return <Empty>{t('revisions.empty')}</Empty>;
  return (
    <div data-testid="line-revisions">
      <h4>{t('revisions.title')}</h4>
      <ol className="revisions">
        {query.data.map((r, i) => (
          <li key={`${r.at}-${i}`} data-testid="revision-row">
            <span className="muted small">
              {formatDateTime(r.at, lang)} · {r.actor_name}
            </span>
            <div>
              {formatVnd(r.old_vnd)} → <strong>{formatVnd(r.new_vnd)}</strong>
            </div>
            <div>
              {t('revisions.reason')}: {r.reason}
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
