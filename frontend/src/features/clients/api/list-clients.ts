import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ClientQuery } from '@/lib/api-types';

export const PAGE_SIZE = 50;

/** Lists carry no identity: search is by code (or its beginning). */
export function listClientsQuery(filters: Omit<ClientQuery, 'cursor' | 'limit'>) {
  return infiniteQueryOptions({
    queryKey: ['clients', 'list', filters],
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/clients', {
          params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useClients(filters: Omit<ClientQuery, 'cursor' | 'limit'>) {
  return useInfiniteQuery(listClientsQuery(filters));
}
