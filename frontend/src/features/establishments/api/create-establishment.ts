import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrapWithEtag } from '@/lib/api-client';
import type { EstablishmentCreate } from '@/lib/api-types';

export function useCreateEstablishment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: EstablishmentCreate; idempotencyKey: string }) =>
      unwrapWithEtag(
        await api.POST('/api/v1/establishments', {
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    onSuccess: (created) => {
      queryClient.setQueryData(['establishments', 'detail', created.item.id], created);
      void queryClient.invalidateQueries({ queryKey: ['establishments', 'list'] });
    },
  });
}
