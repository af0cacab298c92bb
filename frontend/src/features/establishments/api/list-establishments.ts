import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { EstablishmentQuery } from '@/lib/api-types';

export const PAGE_SIZE = 50;

export function listEstablishmentsQuery(filters: Omit<EstablishmentQuery, 'cursor' | 'limit'>) {
  return infiniteQueryOptions({
    queryKey: ['establishments', 'list', filters],
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/establishments', {
          params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useEstablishments(filters: Omit<EstablishmentQuery, 'cursor' | 'limit'>) {
  return useInfiniteQuery(listEstablishmentsQuery(filters));
}
