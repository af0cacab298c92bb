import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

/** Identity fields come back only for roles that may see them; the server audits the read. */
export function getClientQuery(id: string) {
  return queryOptions({
    queryKey: ['clients', 'detail', id],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/clients/{client_id}', { params: { path: { client_id: id } }, signal })),
    // Every read is audited: do not re-read behind the person's back.
    staleTime: 5 * 60_000,
  });
}

export function useClient(id: string) {
  return useQuery(getClientQuery(id));
}
