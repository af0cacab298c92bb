import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUserChoices } from '@/features/users/api/users';
import { useCan } from '@/lib/can';
import type { AuditFilters } from '../schemas';

/** Free-text filters are applied on submit (not per keystroke) to spare the audit table. */
export function AuditFiltersBar({
  filters,
  onApply,
  onReset,
}: {
  filters: AuditFilters;
  onApply: (f: AuditFilters) => void;
  onReset: () => void;
}) {
  const { t } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const [draft, setDraft] = useState(filters);
  const users = useUserChoices(useCan('users:read'));
  const set = (key: keyof AuditFilters) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setDraft({ ...draft, [key]: e.target.value });
  return (
    <form
      className="filters"
      role="search"
      aria-label={t('filters.label')}
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft);
      }}
    >
      <div className="field">
        <label htmlFor="audit-actor">{t('fields.actor')}</label>
        {users.data ? (
          <select id="audit-actor" value={draft.actor} onChange={set('actor')} data-testid="audit-actor">
            <option value="">{tc('all')}</option>
            {users.data.map((u) => (
              <option key={u.id} value={u.id}>
                {u.full_name} ({u.username})
              </option>
            ))}
          </select>
        ) : (
          <input
            id="audit-actor"
            type="text"
            value={draft.actor}
            onChange={set('actor')}
            placeholder={t('filters.actorPlaceholder')}
            data-testid="audit-actor"
          />
        )}
      </div>
      <div className="field">
        <label htmlFor="audit-action">{t('fields.action')}</label>
        <input id="audit-action" type="text" value={draft.action} onChange={set('action')} data-testid="audit-action" />
      </div>
      <div className="field">
        <label htmlFor="audit-resource">{t('fields.resource')}</label>
        <input
          id="audit-resource"
          type="text"
          value={draft.resource}
          onChange={set('resource')}
          data-testid="audit-resource"
        />
      </div>
      <div className="field">
        <label htmlFor="audit-resource-id">{t('fields.resourceId')}</label>
        <input
          id="audit-resource-id"
          type="text"
          value={draft.resource_id}
          onChange={set('resource_id')}
          data-testid="audit-resource-id"
        />
      </div>
      <div className="field">
        <label htmlFor="audit-since">{t('fields.since')}</label>
        <input id="audit-since" type="date" value={draft.since} onChange={set('since')} />
      </div>
      <div className="field">
        <label htmlFor="audit-until">{t('fields.until')}</label>
        <input id="audit-until" type="date" value={draft.until} onChange={set('until')} />
      </div>
      <div className="filters__actions">
        <button type="submit" className="btn btn--primary" data-testid="audit-apply">
          {tc('actions.applyFilters')}
        </button>
        <button
          type="button"
          className="btn btn--ghost"
          onClick={() => {
            setDraft({ actor: '', action: '', resource: '', resource_id: '', since: '', until: '' });
            onReset();
          }}
        >
          {tc('actions.resetFilters')}
        </button>
      </div>
    </form>
  );
}
