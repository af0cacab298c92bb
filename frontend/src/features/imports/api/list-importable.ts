import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { currentLanguage } from '@/lib/i18n';

export function importableQuery() {
  const language = currentLanguage();
  return queryOptions({
    queryKey: ['imports', 'resources', language],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/imports', { headers: { 'Accept-Language': language }, signal })),
    staleTime: 5 * 60_000,
  });
}

export function useImportable() {
  return useQuery(importableQuery());
}
