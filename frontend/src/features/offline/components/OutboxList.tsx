import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Empty } from '@/components/Status';
import { candidatesOf } from '@/features/clients/candidates';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useOutbox } from '../OutboxProvider';
import type { OutboxEntry, OutboxKind } from '../outbox';

const FIX_PATH: Record<OutboxKind, string> = { contact: '/contacts/new', activity: '/activities/new' };

function useSummary() {
  const { t } = useTranslation('offline');
  const { t: te } = useTranslation('enums');
  const lang = currentLanguage();
  return (entry: OutboxEntry): string => {
    const b = entry.body as Record<string, unknown>;
    if (entry.kind === 'contact') {
      const who =
        typeof b.client_code === 'string'
          ? b.client_code
          : b.new_client
            ? t('summary.newClient')
            : t('summary.anonymous');
      return [formatDate(String(b.contacted_on ?? ''), lang), te(`place.${b.place as 'hotspot'}`), who].join(' · ');
    }
    return [
      formatDate(String(b.starts_on ?? ''), lang),
      String(b.title ?? ''),
      t('summary.participants', { count: Number(b.participants_total ?? 0) }),
    ].join(' · ');
  };
}

function problemText(entry: OutboxEntry): string {
  const p = entry.problem;
  if (!p) return '';
  const details = (p.errors ?? []).map((e) => e.msg);
  return [p.detail || p.title, ...details].filter(Boolean).join(' — ');
}

/** Records kept on the phone: waiting ones, and refused ones to fix or discard. */
export function OutboxList({ kind, hideWhenEmpty = false }: { kind?: OutboxKind; hideWhenEmpty?: boolean }) {
  const { t } = useTranslation('offline');
  const { t: tc } = useTranslation();
  const { entries, discard } = useOutbox();
  const summary = useSummary();
  const shown = kind ? entries.filter((e) => e.kind === kind) : entries;
  if (shown.length === 0) return hideWhenEmpty ? null : <Empty>{t('empty')}</Empty>;
  return (
    <ul className="outbox-list" data-testid="outbox-list">
      {shown.map((entry) => (
        <li
          key={entry.key}
          className={`outbox-item outbox-item--${entry.status}`}
          data-testid={entry.status === 'pending' ? 'outbox-pending' : 'outbox-failed'}
        >
          <div className="outbox-item__head">
            <span className={`badge ${entry.status === 'pending' ? 'badge--waiting' : 'badge--danger'}`}>
              {entry.status === 'pending' ? t('pending') : t('failed')}
            </span>
            <span className="muted small">{t(`kind.${entry.kind}`)}</span>
          </div>
          <div className="outbox-item__summary">{summary(entry)}</div>
          {entry.status === 'failed' ? (
            <p className="field__error" data-testid="outbox-error">
              {candidatesOf(entry.problem)?.length ? t('duplicate') : problemText(entry)}
            </p>
          ) : entry.attempts > 0 ? (
            <p className="muted small">{t('attempts', { count: entry.attempts })}</p>
          ) : null}
          {entry.status === 'failed' ? (
            <div className="outbox-item__actions">
              <Link
                to={`${FIX_PATH[entry.kind]}?fix=${encodeURIComponent(entry.key)}`}
                className="btn btn--secondary"
                data-testid="outbox-fix"
              >
                {tc('actions.edit')}
              </Link>
              <button
                type="button"
                className="btn btn--ghost"
                data-testid="outbox-discard"
                onClick={() => {
                  if (window.confirm(t('discardConfirm'))) void discard(entry.key);
                }}
              >
                {tc('actions.discard')}
              </button>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
