import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

/** Every unit reporting to `org_unit` for the period, late ones first. */
export function overdueQuery(orgUnit: string, period: string) {
  return queryOptions({
    queryKey: ['reports', 'overdue', orgUnit, period],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/reports/overdue', { params: { query: { org_unit: orgUnit, period } }, signal })),
  });
}

export function useOverdue(orgUnit: string | null, period: string | null) {
  return useQuery({ ...overdueQuery(orgUnit ?? '', period ?? ''), enabled: Boolean(orgUnit && period) });
}
