import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { Empty, Loading } from '@/components/Status';
import { ErrorView } from '@/components/ErrorView';
import { useOrganisationNames } from '@/features/organisations/api/list-organisations';
import type { Webhook, WebhookWithSecret } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useDeleteWebhook, useDeliveries, useRedeliver, useRotateWebhookSecret } from '../api/webhooks';

function DeliveryLog({ webhookId }: { webhookId: string }) {
  const { t } = useTranslation('integrations');
  const lang = currentLanguage();
  const deliveries = useDeliveries(webhookId, true);
  const redeliver = useRedeliver(webhookId);
  if (deliveries.isPending) return <Loading />;
  if (deliveries.isError) return <ErrorView error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  if (deliveries.data.length === 0) return <Empty>{t('webhooks.noDeliveries')}</Empty>;
  return (
    <table className="table table--cards" data-testid="delivery-log">
      <thead>
        <tr>
          <th scope="col">{t('webhooks.createdAt')}</th>
          <th scope="col">{t('webhooks.event')}</th>
          <th scope="col">{t('webhooks.status')}</th>
          <th scope="col">{t('webhooks.attempts')}</th>
          <th scope="col">{t('webhooks.lastResult')}</th>
          <th scope="col">
            <span className="sr-only">{t('actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {deliveries.data.map((d) => (
          <tr key={d.id} data-testid="delivery-row">
            <td data-label={t('webhooks.createdAt')}>{formatDateTime(d.created_at, lang)}</td>
            <td data-label={t('webhooks.event')}>
              <code>{d.event_type ?? '—'}</code>
            </td>
            <td data-label={t('webhooks.status')}>
              <span
                className={`badge ${d.status === 'delivered' ? 'badge--ok' : d.status === 'failed' ? 'badge--danger' : 'badge--waiting'}`}
              >
                {d.status}
              </span>
              {d.delivered_at ? <div className="small muted">{formatDateTime(d.delivered_at, lang)}</div> : null}
            </td>
            <td data-label={t('webhooks.attempts')}>{d.attempts}</td>
            <td data-label={t('webhooks.lastResult')}>
              {d.last_status_code ? <code>HTTP {d.last_status_code}</code> : null}
              {d.last_error ? <div className="small muted">{d.last_error}</div> : null}
            </td>
            <td>
              <button
                type="button"
                className="btn btn--secondary"
                disabled={redeliver.isPending}
                onClick={() => redeliver.mutate(d.id)}
                data-testid="delivery-redeliver"
              >
                {t('webhooks.redeliver')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WebhookList({ items, onSecret }: { items: Webhook[]; onSecret: (w: WebhookWithSecret) => void }) {
  const { t } = useTranslation('integrations');
  const orgName = useOrganisationNames();
  const lang = currentLanguage();
  const remove = useDeleteWebhook();
  const rotate = useRotateWebhookSecret();
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {error ? <Alert>{error}</Alert> : null}
      <ul className="card-list" data-testid="webhook-list">
        {items.map((w) => (
          <li key={w.id} className="card" data-testid="webhook-row">
            <div className="card__title">
              <code>{w.url}</code> {w.active ? null : <span className="badge badge--muted">{t('inactive')}</span>}
            </div>
            <p className="card__meta small">
              {orgName(w.organisation_id)} · {w.events.join(', ')} · {formatDateTime(w.created_at, lang)}
            </p>
            <div className="row-actions">
              <button
                type="button"
                className="btn btn--secondary"
                aria-expanded={open === w.id}
                onClick={() => setOpen(open === w.id ? null : w.id)}
                data-testid="webhook-deliveries"
              >
                {t('webhooks.deliveries')}
              </button>
              <button
                type="button"
                className="btn btn--secondary"
                onClick={() => {
                  if (!window.confirm(t('webhooks.rotateConfirm'))) return;
                  rotate.mutateAsync(w.id).then(onSecret, (e: Error) => setError(e.message));
                }}
              >
                {t('webhooks.rotate')}
              </button>
              <button
                type="button"
                className="btn btn--ghost"
                onClick={() => {
                  if (!window.confirm(t('webhooks.deleteConfirm', { url: w.url }))) return;
                  remove.mutateAsync(w.id).catch((e: Error) => setError(e.message));
                }}
                data-testid="webhook-delete"
              >
                {t('webhooks.delete')}
              </button>
            </div>
            {open === w.id ? <DeliveryLog webhookId={w.id} /> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
