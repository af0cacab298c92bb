import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { DashboardQuery } from '@/lib/api-types';

export function dashboardQuery(query: DashboardQuery) {
  return queryOptions({
    queryKey: ['dashboard', query],
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/dashboard', { params: { query }, signal })),
    // Figures of a whole province take a few seconds: keep them a minute, and the old ones on screen meanwhile.
    staleTime: 60_000,
  });
}

export function useDashboard(query: DashboardQuery | null) {
  return useQuery({
    ...dashboardQuery(query ?? { org_unit: '', period: '' }),
    enabled: Boolean(query?.org_unit && query.period),
    placeholderData: keepPreviousData,
  });
}
