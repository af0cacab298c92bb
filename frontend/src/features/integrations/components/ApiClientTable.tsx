import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { useOrganisationNames } from '@/features/organisations/api/list-organisations';
import type { ApiClient, ApiClientWithSecret } from '@/lib/api-types';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { useRotateApiClientSecret, useUpdateApiClient } from '../api/api-clients';

export function ApiClientTable({
  items,
  onSecret,
}: {
  items: ApiClient[];
  onSecret: (c: ApiClientWithSecret) => void;
}) {
  const { t } = useTranslation('integrations');
  const orgName = useOrganisationNames();
  const lang = currentLanguage();
  const rotate = useRotateApiClientSecret();
  const update = useUpdateApiClient();
  const [overlap, setOverlap] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {error ? <Alert>{error}</Alert> : null}
      <table className="table table--cards" data-testid="api-client-table">
        <thead>
          <tr>
            <th scope="col">{t('apiClients.name')}</th>
            <th scope="col">{t('apiClients.clientId')}</th>
            <th scope="col">{t('organisation')}</th>
            <th scope="col">{t('apiClients.scopes')}</th>
            <th scope="col">{t('apiClients.secrets')}</th>
            <th scope="col">{t('apiClients.lastUsed')}</th>
            <th scope="col">{t('actions')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id} data-testid="api-client-row" className={c.active ? '' : 'is-inactive'}>
              <td className="table__primary" data-label={t('apiClients.name')}>
                {c.name} {c.active ? null : <span className="badge badge--muted">{t('inactive')}</span>}
              </td>
              <td data-label={t('apiClients.clientId')}>
                <code>{c.client_id}</code>
              </td>
              <td data-label={t('organisation')}>{orgName(c.organisation_id)}</td>
              <td data-label={t('apiClients.scopes')}>
                <ul className="tags tags--inline">
                  {c.scopes.map((s) => (
                    <li key={s} className="tag">
                      {s}
                    </li>
                  ))}
                </ul>
              </td>
              <td data-label={t('apiClients.secrets')}>
                <ul className="plain-list small">
                  {(c.secrets ?? []).map((s) => (
                    <li key={s.id}>
                      <code>…{s.hint}</code>{' '}
                      {s.expires_at ? (
                        <span className="muted">
                          {t('apiClients.expiresAt', { at: formatDateTime(s.expires_at, lang) })}
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </td>
              <td data-label={t('apiClients.lastUsed')}>{formatDateTime(c.last_used_at, lang) || '—'}</td>
              <td data-label={t('actions')}>
                {c.active ? (
                  <div className="row-actions">
                    <label className="field field--inline small">
                      <span>{t('apiClients.overlapHours')}</span>
                      <input
                        type="number"
                        min={0}
                        max={720}
                        className="input--narrow"
                        value={overlap[c.id] ?? '24'}
                        onChange={(e) => setOverlap((o) => ({ ...o, [c.id]: e.target.value }))}
                        data-testid="api-client-overlap"
                      />
                    </label>
                    <button
                      type="button"
                      className="btn btn--secondary"
                      data-testid="api-client-rotate"
                      disabled={rotate.isPending}
                      onClick={() => {
                        setError(null);
                        rotate
                          .mutateAsync({ id: c.id, overlapHours: Number(overlap[c.id] ?? '24') || 0 })
                          .then(onSecret, (e: Error) => setError(e.message));
                      }}
                    >
                      {t('apiClients.rotate')}
                    </button>
                    <button
                      type="button"
                      className="btn btn--ghost"
                      data-testid="api-client-deactivate"
                      onClick={() => {
                        if (!window.confirm(t('apiClients.deactivateConfirm', { name: c.name }))) return;
                        setError(null);
                        update
                          .mutateAsync({ id: c.id, body: { active: false } })
                          .catch((e: Error) => setError(e.message));
                      }}
                    >
                      {t('apiClients.deactivate')}
                    </button>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
