import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { PeerGroupCreate } from '@/lib/api-types';

export function useCreatePeerGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: PeerGroupCreate; idempotencyKey: string }) =>
      unwrap(await api.POST('/api/v1/peer-groups', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['peer-groups'] }),
  });
}
