import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '@/lib/api-types';
import { MEMBER_ROLES } from '@/lib/enums';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';

const ROLE_ORDER = Object.fromEntries(MEMBER_ROLES.map((r, i) => [r, i]));

/** Board first (leader, deputy…), then by name; those who left are hidden unless asked. */
export function MemberTable({ members, onEdit }: { members: Member[]; onEdit?: (member: Member) => void }) {
  const { t } = useTranslation('peerGroups');
  const { t: te } = useTranslation('enums');
  const lang = currentLanguage();
  const [showLeft, setShowLeft] = useState(false);
  const hasLeft = members.some((m) => m.left_on);
  const shown = members
    .filter((m) => showLeft || !m.left_on)
    .sort(
      (a, b) =>
        Number(Boolean(a.left_on)) - Number(Boolean(b.left_on)) ||
        (ROLE_ORDER[a.member_role] ?? 99) - (ROLE_ORDER[b.member_role] ?? 99) ||
        a.full_name.localeCompare(b.full_name, 'vi'),
    );
  return (
    <>
      {hasLeft ? (
        <label className="check">
          <input type="checkbox" checked={showLeft} onChange={(e) => setShowLeft(e.target.checked)} />
          {t('members.showLeft')}
        </label>
      ) : null}
      <table className="table table--cards" data-testid="member-table">
        <thead>
          <tr>
            <th scope="col">{t('members.name')}</th>
            <th scope="col">{t('members.role')}</th>
            <th scope="col">{t('members.joinedOn')}</th>
            <th scope="col">{t('members.leftOn')}</th>
            <th scope="col">{t('members.phone')}</th>
            {onEdit ? (
              <th scope="col">
                <span className="visually-hidden">{t('members.actions')}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {shown.map((m) => (
            <tr key={m.id} data-testid="member-row" className={m.left_on ? 'is-inactive' : undefined}>
              <td data-label={t('members.name')} className="table__primary">
                {m.full_name}
                {m.user_id ? <span className="badge badge--muted"> {t('members.hasAccount')}</span> : null}
              </td>
              <td data-label={t('members.role')} data-testid="member-role">
                {te(`memberRole.${m.member_role}`)}
              </td>
              <td data-label={t('members.joinedOn')}>{m.joined_on ? formatDate(m.joined_on, lang) : '—'}</td>
              <td data-label={t('members.leftOn')}>
                {m.left_on ? formatDate(m.left_on, lang) : <span className="muted">{t('members.current')}</span>}
              </td>
              <td data-label={t('members.phone')}>
                {m.phone ? <a href={`tel:${m.phone.replace(/[^0-9+]/g, '')}`}>{m.phone}</a> : '—'}
              </td>
              {onEdit ? (
                <td>
                  <button
                    type="button"
                    className="btn btn--ghost"
                    onClick={() => onEdit(m)}
                    data-testid="member-edit"
                    aria-label={t('members.editTitle', { name: m.full_name })}
                  >
                    {t('members.edit')}
                  </button>
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
