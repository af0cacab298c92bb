import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrapWithEtag } from '@/lib/api-client';

export function getOrganisationQuery(id: string) {
  return queryOptions({
    queryKey: ['organisations', 'detail', id],
    queryFn: async ({ signal }) =>
      unwrapWithEtag(
        await api.GET('/api/v1/organisations/{organisation_id}', { params: { path: { organisation_id: id } }, signal }),
      ),
  });
}

export function useOrganisation(id: string) {
  return useQuery(getOrganisationQuery(id));
}
