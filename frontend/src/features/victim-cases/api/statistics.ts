import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { VictimStatisticsQuery } from '@/lib/api-types';
import { saveBlob } from '@/lib/download';

export function victimStatisticsQuery(filters: VictimStatisticsQuery) {
  return queryOptions({
    queryKey: ['victim-cases', 'statistics', filters],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/victim-cases/statistics', { params: { query: filters }, signal })),
  });
}

export function useVictimStatistics(filters: VictimStatisticsQuery) {
  return useQuery(victimStatisticsQuery(filters));
}

/** Anonymised CTDC CSV (k-anonymous), saved as a file. */
export async function downloadCtdc(k = 5): Promise<void> {
  const { data, response } = await api.GET('/api/v1/victim-cases/export/ctdc', {
    params: { query: { k, format: 'csv' } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw new Error(`HTTP ${response.status}`);
  saveBlob(data as Blob, `donghanh-ctdc-k${k}.csv`);
}
