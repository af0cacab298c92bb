import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { Referral, ReferralQuery, ReferralStatus } from '@/lib/api-types';

export const PAGE_SIZE = 50;
type Filters = Omit<ReferralQuery, 'cursor' | 'limit'>;

async function fetchPage(filters: Filters, cursor: string | null, limit: number, signal: AbortSignal) {
  const page = unwrap(
    await api.GET('/api/v1/referrals', {
      params: { query: { ...filters, limit, cursor: cursor ?? undefined } },
      signal,
    }),
  );
  // SharedClient is declared as a free-form object; its keys are documented in api-types.
  return page as { items: Referral[]; next_cursor?: string | null };
}

export function listReferralsQuery(filters: Filters) {
  return infiniteQueryOptions({
    queryKey: ['referrals', 'list', filters],
    queryFn: ({ pageParam, signal }) => fetchPage(filters, pageParam, PAGE_SIZE, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useReferrals(filters: Filters, enabled = true) {
  return useInfiniteQuery({ ...listReferralsQuery(filters), enabled });
}

/** Several statuses at once (the "closed" column: completed, declined, not completed, cancelled). */
export function useReferralsInStatuses(statuses: readonly ReferralStatus[], filters: Filters, enabled = true) {
  return useQueries({
    queries: statuses.map((status) =>
      queryOptions({
        queryKey: ['referrals', 'list', { ...filters, status }, 'first'],
        queryFn: async ({ signal }) => (await fetchPage({ ...filters, status }, null, 100, signal)).items,
        enabled,
      }),
    ),
    combine: (results) => ({
      items: results
        .flatMap((r) => r.data ?? [])
        .sort((a, b) => (b.closed_at ?? b.updated_at).localeCompare(a.closed_at ?? a.updated_at)),
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.isError)?.error ?? null,
      refetch: () => results.forEach((r) => void r.refetch()),
    }),
  });
}

/** Every referral of one client (victim case page, client page). */
export function useClientReferrals(clientId: string | null | undefined) {
  return useQuery({
    queryKey: ['referrals', 'list', { client: clientId }, 'all'],
    queryFn: async ({ signal }) => (await fetchPage({ client: clientId ?? undefined }, null, 200, signal)).items,
    enabled: Boolean(clientId),
  });
}
