import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

/** Active establishments of a unit, to pick where a contact happened (first 200 by name). */
export function establishmentChoicesQuery(orgUnit: string | null) {
  return queryOptions({
    queryKey: ['establishments', 'choices', orgUnit],
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/establishments', {
          params: { query: { org_unit: orgUnit ?? undefined, status: 'active', limit: 200 } },
          signal,
        }),
      ).items.map((e) => ({ id: e.id, name: e.name })),
    staleTime: 5 * 60_000,
  });
}

export function useEstablishmentChoices(orgUnit: string | null, enabled = true) {
  return useQuery({ ...establishmentChoicesQuery(orgUnit), enabled });
}
