import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

/** The children's approved reports added up, next to the unit's live figures. */
export function consolidationQuery(orgUnit: string, period: string) {
  return queryOptions({
    queryKey: ['reports', 'consolidation', orgUnit, period],
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/reports/consolidation', { params: { query: { org_unit: orgUnit, period } }, signal }),
      ),
  });
}

export function useConsolidation(orgUnit: string | null, period: string | null) {
  return useQuery({
    ...consolidationQuery(orgUnit ?? '', period ?? ''),
    enabled: Boolean(orgUnit && period),
    placeholderData: keepPreviousData,
  });
}
