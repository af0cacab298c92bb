import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useOrganisationNames } from '@/features/organisations/api/list-organisations';
import { isProviderView, referralClientCode, type Referral } from '@/lib/api-types';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { ReferralStatusBadge } from './ReferralStatusBadge';
import { SharedClientLine } from './SharedClientLine';
import { TransitionPanel } from './TransitionPanel';

/** Referrals as cards; in the inbox each card carries its accept / decline / complete buttons. */
export function ReferralCards({ items, withActions = false }: { items: Referral[]; withActions?: boolean }) {
  const { t } = useTranslation('referrals');
  const { t: te } = useTranslation('enums');
  const orgName = useOrganisationNames();
  const lang = currentLanguage();
  return (
    <ul className="referral-cards" data-testid="referral-list">
      {items.map((r) => (
        <li
          key={r.id}
          className={`card referral-card${r.overdue ? ' referral-card--overdue' : ''}`}
          data-testid="referral-card"
          data-referral-id={r.id}
          data-status={r.status}
        >
          <div className="referral-card__head">
            <Link to={`/referrals/${r.id}`} className="card__title" data-testid="referral-open">
              {te(`serviceType.${r.service_type}`)}
            </Link>
            <ReferralStatusBadge status={r.status} overdue={r.overdue} />
          </div>
          <dl className="referral-card__meta">
            <div>
              <dt>{t('fields.client')}</dt>
              <dd>
                <span className="mono" data-testid="referral-client-code">
                  {referralClientCode(r) ?? '—'}
                </span>
                {isProviderView(r) ? <SharedClientLine client={r.client} /> : null}
              </dd>
            </div>
            {isProviderView(r) ? null : (
              <div>
                <dt>{t('fields.to')}</dt>
                <dd data-testid="referral-to">{orgName(r.to_organisation_id) || '—'}</dd>
              </div>
            )}
            {r.follow_up_due_on ? (
              <div>
                <dt>{t('fields.followUpDueOn')}</dt>
                <dd>{formatDate(r.follow_up_due_on, lang)}</dd>
              </div>
            ) : null}
            {r.reason ? (
              <div>
                <dt>{t('fields.reason')}</dt>
                <dd>{r.reason}</dd>
              </div>
            ) : null}
            {r.outcome ? (
              <div>
                <dt>{t('fields.outcome')}</dt>
                <dd>{r.outcome}</dd>
              </div>
            ) : null}
            {r.decline_reason ? (
              <div>
                <dt>{t('fields.declineReason')}</dt>
                <dd>{r.decline_reason}</dd>
              </div>
            ) : null}
          </dl>
          {withActions ? <TransitionPanel referral={r} compact /> : null}
        </li>
      ))}
    </ul>
  );
}
