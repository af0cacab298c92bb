import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

export function listInspectionsQuery(establishmentId: string) {
  return infiniteQueryOptions({
    queryKey: ['inspections', establishmentId, 'list'],
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/establishments/{establishment_id}/inspections', {
          params: { path: { establishment_id: establishmentId }, query: { limit: 50, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useInspections(establishmentId: string, enabled = true) {
  return useInfiniteQuery({ ...listInspectionsQuery(establishmentId), enabled });
}
