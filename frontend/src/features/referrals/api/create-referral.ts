import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ReferralCreate } from '@/lib/api-types';

export function useCreateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: ReferralCreate; idempotencyKey: string }) =>
      unwrap(await api.POST('/api/v1/referrals', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['referrals'] }),
  });
}
