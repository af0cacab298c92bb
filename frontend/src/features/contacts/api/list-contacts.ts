import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ContactQuery } from '@/lib/api-types';

export const PAGE_SIZE = 50;

export function listContactsQuery(filters: Omit<ContactQuery, 'cursor' | 'limit'>) {
  return infiniteQueryOptions({
    queryKey: ['contacts', 'list', filters],
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/contacts', {
          params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useContacts(filters: Omit<ContactQuery, 'cursor' | 'limit'>) {
  return useInfiniteQuery(listContactsQuery(filters));
}
