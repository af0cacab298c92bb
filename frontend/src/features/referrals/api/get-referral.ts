import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Referral } from '@/lib/api-types';

export function getReferralQuery(id: string) {
  return queryOptions({
    queryKey: ['referrals', 'detail', id],
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/referrals/{referral_id}', { params: { path: { referral_id: id } }, signal }),
      ) as Referral,
  });
}

export function useReferral(id: string) {
  return useQuery(getReferralQuery(id));
}
