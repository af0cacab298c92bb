import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

export function getOrgUnitQuery(id: string) {
  return queryOptions({
    queryKey: ['org-units', 'detail', id],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/org-units/{unit_id}', { params: { path: { unit_id: id } }, signal })),
    staleTime: 30 * 60_000,
  });
}

export function useOrgUnit(id: string | null | undefined) {
  return useQuery({ ...getOrgUnitQuery(id ?? ''), enabled: Boolean(id) });
}
