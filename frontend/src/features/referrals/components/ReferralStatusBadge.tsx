import { useTranslation } from 'react-i18next';
import type { ReferralStatus } from '@/lib/api-types';

const KIND: Record<ReferralStatus, string> = {
  draft: 'badge--muted',
  sent: 'badge--waiting',
  accepted: 'badge--info',
  completed: 'badge--ok',
  declined: 'badge--danger',
  not_completed: 'badge--danger',
  cancelled: 'badge--muted',
};

export function ReferralStatusBadge({ status, overdue }: { status: ReferralStatus; overdue?: boolean }) {
  const { t: te } = useTranslation('enums');
  const { t } = useTranslation('referrals');
  return (
    <span className="badges">
      <span className={`badge ${KIND[status]}`} data-testid="referral-status" data-status={status}>
        {te(`referralStatus.${status}`)}
      </span>
      {overdue ? (
        <span className="badge badge--danger" data-testid="referral-overdue" title={t('overdueHint')}>
          {t('overdue')}
        </span>
      ) : null}
    </span>
  );
}
