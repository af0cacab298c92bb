import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrapWithEtag } from '@/lib/api-client';
import type { OrganisationCreate, OrganisationUpdate } from '@/lib/api-types';

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: OrganisationCreate; idempotencyKey: string }) =>
      unwrapWithEtag(await api.POST('/api/v1/organisations', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: (created) => {
      queryClient.setQueryData(['organisations', 'detail', created.item.id], created);
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
    },
  });
}

export function useUpdateOrganisation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: OrganisationUpdate; etag: string }) =>
      unwrapWithEtag(
        await api.PATCH('/api/v1/organisations/{organisation_id}', {
          body,
          params: { path: { organisation_id: id } },
          headers: { 'If-Match': etag },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(['organisations', 'detail', id], updated);
      void queryClient.invalidateQueries({ queryKey: ['organisations', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['organisations', 'choices'] });
    },
  });
}
