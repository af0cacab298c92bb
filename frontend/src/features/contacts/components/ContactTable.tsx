import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@/lib/api-types';
import { useCan } from '@/lib/can';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';

/**
 * Contacts as cards on a phone, a table on a desk. `linkClients` off on a client's own page;
 * a contact of a registered person with needs offers "Giới thiệu dịch vụ" to those who may refer.
 */
export function ContactTable({ items, linkClients = true }: { items: Contact[]; linkClients?: boolean }) {
  const { t } = useTranslation('contacts');
  const { t: tr } = useTranslation('referrals');
  const canRefer = useCan('referrals:write');
  const { t: te } = useTranslation('enums');
  const lang = currentLanguage();
  return (
    <table className="table table--cards" data-testid="contact-table">
      <thead>
        <tr>
          <th scope="col">{t('fields.contactedOn')}</th>
          <th scope="col">{t('fields.client_short')}</th>
          <th scope="col">{t('fields.place')}</th>
          <th scope="col">{t('fields.recordedBy')}</th>
          <th scope="col">{t('fields.topics')}</th>
          <th scope="col">{t('fields.needs')}</th>
          <th scope="col">{t('fields.materials')}</th>
          {canRefer ? (
            <th scope="col">
              <span className="sr-only">{tr('refer.button')}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {items.map((c) => {
          const materials = Object.values(c.materials ?? {}).reduce((a, b) => a + b, 0);
          return (
            <tr key={c.id} data-testid="contact-row">
              <td data-label={t('fields.contactedOn')} className="table__primary">
                {formatDate(c.contacted_on, lang)}
                {c.first_contact ? <span className="badge badge--ok"> {t('list.firstContact')}</span> : null}
              </td>
              <td data-label={t('fields.client_short')} data-testid="contact-client">
                {c.client_id && c.client_code ? (
                  linkClients ? (
                    <Link to={`/clients/${c.client_id}`} className="mono">
                      {c.client_code}
                    </Link>
                  ) : (
                    <span className="mono">{c.client_code}</span>
                  )
                ) : (
                  <span className="muted">{t('list.anonymous')}</span>
                )}
              </td>
              <td data-label={t('fields.place')}>
                {te(`place.${c.place}`)}
                {c.establishment_name ? (
                  <div className="small" data-testid="contact-establishment">
                    {c.establishment_name}
                  </div>
                ) : null}
              </td>
              <td data-label={t('fields.recordedBy')}>
                {c.recorded_by_name ?? '—'}
                {c.peer_group_name ? (
                  <div className="small muted" data-testid="contact-peer-group">
                    {c.peer_group_name}
                  </div>
                ) : null}
              </td>
              <td data-label={t('fields.topics')}>
                {c.topics.length ? (
                  <ul className="tags tags--inline">
                    {c.topics.map((x) => (
                      <li key={x} className="tag">
                        {te(`topic.${x}`)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td data-label={t('fields.needs')}>
                {c.needs.length ? (
                  <ul className="tags tags--inline">
                    {c.needs.map((x) => (
                      <li key={x} className="tag tag--need">
                        {te(`serviceType.${x}`)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td data-label={t('fields.materials')}>
                {materials ? t('list.materialsCount', { count: materials }) : '—'}
              </td>
              {canRefer ? (
                <td>
                  {c.client_id && c.needs.length ? (
                    <Link to={`/contacts/${c.id}/refer`} className="btn btn--secondary" data-testid="contact-refer">
                      {tr('refer.button')}
                    </Link>
                  ) : null}
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
