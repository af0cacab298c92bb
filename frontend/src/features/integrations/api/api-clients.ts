import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ApiClientCreate, ApiClientUpdate } from '@/lib/api-types';

export function listApiClientsQuery() {
  return queryOptions({
    queryKey: ['api-clients'],
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/api-clients', { signal })),
  });
}

export function useApiClients() {
  return useQuery(listApiClientsQuery());
}

/** The answer carries `client_secret`, shown once. */
export function useCreateApiClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: ApiClientCreate) => unwrap(await api.POST('/api/v1/api-clients', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['api-clients'] }),
  });
}

export function useUpdateApiClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, body }: { id: string; body: ApiClientUpdate }) =>
      unwrap(await api.PATCH('/api/v1/api-clients/{api_client_id}', { params: { path: { api_client_id: id } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['api-clients'] }),
  });
}

/** A new secret; the current ones stay valid for `overlap_hours` so the partner can switch without downtime. */
export function useRotateApiClientSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ id, overlapHours }: { id: string; overlapHours: number }) =>
      unwrap(
        await api.POST('/api/v1/api-clients/{api_client_id}/secrets', {
          params: { path: { api_client_id: id } },
          body: { overlap_hours: overlapHours },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['api-clients'] }),
  });
}
