import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrapWithEtag } from '@/lib/api-client';
import type { EstablishmentUpdate } from '@/lib/api-types';

export function useUpdateEstablishment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: EstablishmentUpdate; etag: string }) =>
      unwrapWithEtag(
        await api.PATCH('/api/v1/establishments/{establishment_id}', {
          body,
          params: { path: { establishment_id: id } },
          headers: { 'If-Match': etag },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(['establishments', 'detail', id], updated);
      void queryClient.invalidateQueries({ queryKey: ['establishments', 'list'] });
    },
  });
}
