import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';

export function AuditTable({ items }: { items: AuditEvent[] }) {
  const { t, i18n } = useTranslation('audit');
  return (
    <table className="table table--cards table--compact" data-testid="audit-table">
      <thead>
        <tr>
          <th scope="col">{t('fields.seq')}</th>
          <th scope="col">{t('fields.at')}</th>
          <th scope="col">{t('fields.actor')}</th>
          <th scope="col">{t('fields.action')}</th>
          <th scope="col">{t('fields.resource')}</th>
          <th scope="col">{t('fields.fields')}</th>
          <th scope="col">{t('fields.ip')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((ev) => (
          <tr key={ev.id} data-testid="audit-row">
            <td data-label={t('fields.seq')}>{ev.seq}</td>
            <td data-label={t('fields.at')}>
              <time dateTime={ev.at}>{formatDateTime(ev.at, i18n.language)}</time>
            </td>
            <td data-label={t('fields.actor')}>
              {ev.actor_name ?? ev.actor_id ?? '—'}
              <div className="muted small">{ev.actor_type}</div>
            </td>
            <td data-label={t('fields.action')}>
              <code>{ev.action}</code>
            </td>
            <td data-label={t('fields.resource')}>
              <code>{ev.resource}</code>
              {ev.resource_id ? <div className="muted small mono">{ev.resource_id}</div> : null}
            </td>
            <td data-label={t('fields.fields')} className="small">
              {ev.fields.join(', ')}
            </td>
            <td data-label={t('fields.ip')} className="small mono">
              {ev.ip ?? ''}
              {ev.request_id ? (
                <div className="muted" title={t('fields.requestId')}>
                  {ev.request_id}
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
