import { infiniteQueryOptions, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { OrganisationQuery } from '@/lib/api-types';

type Filters = Omit<OrganisationQuery, 'cursor' | 'limit'>;

export function listOrganisationsQuery(filters: Filters) {
  return infiniteQueryOptions({
    queryKey: ['organisations', 'list', filters],
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/organisations', {
          params: { query: { ...filters, limit: 50, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useOrganisations(filters: Filters) {
  return useInfiniteQuery(listOrganisationsQuery(filters));
}

/** A first page of up to 500 organisations, for pickers (team of an inspection, user's agency). */
export function organisationChoicesQuery() {
  return queryOptions({
    queryKey: ['organisations', 'choices'],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/organisations', { params: { query: { limit: 500 } }, signal })).items,
    staleTime: 5 * 60_000,
  });
}

export function useOrganisationChoices(enabled = true) {
  return useQuery({ ...organisationChoicesQuery(), enabled, retry: false });
}

/** id → name of the organisations a list refers to (referrals, supports), from the shared choices. */
export function useOrganisationNames(): (id: string | null | undefined) => string {
  const choices = useOrganisationChoices();
  return (id) => (id ? (choices.data?.find((o) => o.id === id)?.name ?? '') : '');
}
