import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { Empty } from './Status';

export interface TimelineEntry {
  at: string;
  actor_name: string;
  from_status: string | null;
  to_status: string;
  note: string | null;
}

/** An append-only status history (referral, victim case): who moved it, when, and why. */
export function Timeline({
  entries,
  label,
  testId = 'timeline',
}: {
  entries: TimelineEntry[];
  label: (status: string) => string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (entries.length === 0) return <Empty>{t('timeline.empty')}</Empty>;
  return (
    <ol className="timeline" data-testid={testId}>
      {entries.map((e, i) => (
        <li
          key={`${e.at}-${i}`}
          className={`timeline__item timeline__item--${e.to_status}`}
          data-testid="timeline-entry"
        >
          <div className="timeline__head">
            <strong data-testid="timeline-status" data-status={e.to_status}>
              {e.from_status
                ? t('timeline.moved', { from: label(e.from_status), to: label(e.to_status) })
                : t('timeline.created', { status: label(e.to_status) })}
            </strong>
            <time className="muted small" dateTime={e.at}>
              {formatDateTime(e.at, lang)}
            </time>
          </div>
          <div className="small">{e.actor_name}</div>
          {e.note ? <p className="timeline__note">{e.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
