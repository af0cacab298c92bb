import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { PeerGroupQuery } from '@/lib/api-types';

export const PAGE_SIZE = 50;

export function listPeerGroupsQuery(filters: Omit<PeerGroupQuery, 'cursor' | 'limit'>) {
  return infiniteQueryOptions({
    queryKey: ['peer-groups', 'list', filters],
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/peer-groups', {
          params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function usePeerGroups(filters: Omit<PeerGroupQuery, 'cursor' | 'limit'>) {
  return useInfiniteQuery(listPeerGroupsQuery(filters));
}

/** Active groups to choose from in a form (first 200). */
export function peerGroupChoicesQuery(orgUnit: string | null) {
  return queryOptions({
    queryKey: ['peer-groups', 'choices', orgUnit],
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/peer-groups', {
          params: { query: { active: true, org_unit: orgUnit ?? undefined, limit: 200 } },
          signal,
        }),
      ).items,
    staleTime: 5 * 60_000,
  });
}

export function usePeerGroupChoices(orgUnit: string | null, enabled = true) {
  return useQuery({ ...peerGroupChoicesQuery(orgUnit), enabled });
}
