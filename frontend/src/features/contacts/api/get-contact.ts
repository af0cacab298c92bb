import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

export function getContactQuery(id: string) {
  return queryOptions({
    queryKey: ['contacts', 'detail', id],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/contacts/{contact_id}', { params: { path: { contact_id: id } }, signal })),
  });
}

export function useContact(id: string) {
  return useQuery(getContactQuery(id));
}
