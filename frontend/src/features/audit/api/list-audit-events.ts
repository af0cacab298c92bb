import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { AuditQuery } from '@/lib/api-types';

type Filters = Omit<AuditQuery, 'cursor' | 'limit'>;

export function listAuditEventsQuery(filters: Filters) {
  return infiniteQueryOptions({
    queryKey: ['audit-events', 'list', filters],
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/audit-events', {
          params: { query: { ...filters, limit: 50, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useAuditEvents(filters: Filters) {
  return useInfiniteQuery(listAuditEventsQuery(filters));
}
