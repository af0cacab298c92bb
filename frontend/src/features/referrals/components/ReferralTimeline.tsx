import { useTranslation } from 'react-i18next';
import { Timeline } from '@/components/Timeline';
import type { ReferralHistoryEntry, ReferralStatus } from '@/lib/api-types';

export function ReferralTimeline({ entries }: { entries: ReferralHistoryEntry[] }) {
  const { t: te } = useTranslation('enums');
  return (
    <Timeline entries={entries} label={(s) => te(`referralStatus.${s as ReferralStatus}`)} testId="referral-timeline" />
  );
}
