import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

export function clientTimelineQuery(clientId: string) {
  return infiniteQueryOptions({
    queryKey: ['contacts', 'client-timeline', clientId],
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/clients/{client_id}/contacts', {
          params: { path: { client_id: clientId }, query: { limit: 50, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useClientTimeline(clientId: string) {
  return useInfiniteQuery(clientTimelineQuery(clientId));
}
