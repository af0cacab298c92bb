import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrapWithEtag } from '@/lib/api-client';

export function getPeerGroupQuery(id: string) {
  return queryOptions({
    queryKey: ['peer-groups', 'detail', id],
    queryFn: async ({ signal }) =>
      unwrapWithEtag(await api.GET('/api/v1/peer-groups/{group_id}', { params: { path: { group_id: id } }, signal })),
  });
}

/** The group as read with its ETag, which the next PATCH sends back in If-Match. */
export function usePeerGroup(id: string) {
  return useQuery(getPeerGroupQuery(id));
}
