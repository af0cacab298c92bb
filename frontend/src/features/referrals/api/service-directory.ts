import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ServiceDirectoryQuery } from '@/lib/api-types';
import { saveBlob } from '@/lib/download';

type Filters = Omit<ServiceDirectoryQuery, 'cursor' | 'limit'>;

export function serviceDirectoryQuery(filters: Filters) {
  return infiniteQueryOptions({
    queryKey: ['service-directory', filters],
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/service-directory', {
          params: { query: { ...filters, limit: 100, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
    staleTime: 5 * 60_000,
  });
}

export function useServiceDirectory(filters: Filters) {
  return useInfiniteQuery(serviceDirectoryQuery(filters));
}

/** Providers of one service (first 100), for the provider picker of a referral. */
export function useProvidersOf(service: Filters['service'], orgUnit: string | null) {
  return useQuery(
    queryOptions({
      queryKey: ['service-directory', 'providers', service, orgUnit],
      queryFn: async ({ signal }) =>
        unwrap(
          await api.GET('/api/v1/service-directory', {
            params: { query: { service, org_unit: orgUnit ?? undefined, limit: 100 } },
            signal,
          }),
        ).items,
      staleTime: 5 * 60_000,
    }),
  );
}

/** The directory as Open Referral HSDS JSON, saved as a file (the download needs the bearer token). */
export async function downloadHsds(): Promise<void> {
  const { data, response } = await api.GET('/api/v1/service-directory/hsds', { parseAs: 'blob' });
  if (!response.ok || !data) throw new Error(`HTTP ${response.status}`);
  saveBlob(data, 'donghanh-service-directory.hsds.json');
}
