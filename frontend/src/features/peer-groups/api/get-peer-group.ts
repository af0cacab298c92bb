import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

export function getPeerGroupQuery(id: string) {
  return queryOptions({
    queryKey: ['peer-groups', 'detail', id],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/peer-groups/{group_id}', { params: { path: { group_id: id } }, signal })),
  });
}

export function usePeerGroup(id: string) {
  return useQuery(getPeerGroupQuery(id));
}
