import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrapWithEtag } from '@/lib/api-client';

export function getEstablishmentQuery(id: string) {
  return queryOptions({
    queryKey: ['establishments', 'detail', id],
    queryFn: async ({ signal }) =>
      unwrapWithEtag(
        await api.GET('/api/v1/establishments/{establishment_id}', {
          params: { path: { establishment_id: id } },
          signal,
        }),
      ),
  });
}

export function useEstablishment(id: string) {
  return useQuery(getEstablishmentQuery(id));
}
