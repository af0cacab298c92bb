import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { OrgUnitQuery } from '@/lib/api-types';

export function listOrgUnitsQuery(query: OrgUnitQuery) {
  return queryOptions({
    queryKey: ['org-units', 'list', query],
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/org-units', { params: { query }, signal })),
    staleTime: 5 * 60_000,
  });
}

export function useOrgUnits(query: OrgUnitQuery, enabled = true) {
  return useQuery({ ...listOrgUnitsQuery(query), enabled, placeholderData: keepPreviousData });
}
