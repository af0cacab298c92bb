import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ActivityQuery } from '@/lib/api-types';

export const PAGE_SIZE = 50;

export function listActivitiesQuery(filters: Omit<ActivityQuery, 'cursor' | 'limit'>) {
  return infiniteQueryOptions({
    queryKey: ['activities', 'list', filters],
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/activities', {
          params: { query: { ...filters, limit: PAGE_SIZE, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useActivities(filters: Omit<ActivityQuery, 'cursor' | 'limit'>) {
  return useInfiniteQuery(listActivitiesQuery(filters));
}
