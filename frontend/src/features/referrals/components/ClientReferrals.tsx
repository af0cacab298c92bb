import { useTranslation } from 'react-i18next';
import { ErrorView } from '@/components/ErrorView';
import { Empty, Loading } from '@/components/Status';
import { useClientReferrals } from '../api/list-referrals';
import { ReferralCards } from './ReferralCards';

/** Every referral of one person (`GET /referrals?client=`). */
export function ClientReferrals({ clientId }: { clientId: string }) {
  const { t } = useTranslation('referrals');
  const query = useClientReferrals(clientId);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorView error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.length === 0) return <Empty>{t('empty')}</Empty>;
  return <ReferralCards items={query.data} />;
}
