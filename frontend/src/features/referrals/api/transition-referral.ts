import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Referral, ReferralTransition } from '@/lib/api-types';

/** Moves a referral along its status machine; a 409 names the `allowed` steps in its problem body. */
export function useTransitionReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: ReferralTransition }) =>
      unwrap(
        await api.POST('/api/v1/referrals/{referral_id}/transitions', {
          params: { path: { referral_id: id } },
          body,
        }),
      ) as Referral,
    onSuccess: (referral) => {
      queryClient.setQueryData(['referrals', 'detail', referral.id], referral);
      void queryClient.invalidateQueries({ queryKey: ['referrals', 'list'] });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: ['referrals'] }),
  });
}
