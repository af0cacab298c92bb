import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

export function importJobQuery(jobId: string) {
  return queryOptions({
    queryKey: ['imports', 'job', jobId],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/imports/jobs/{job_id}', { params: { path: { job_id: jobId } }, signal })),
  });
}

/** Follows a large import until it is finished (polling every second while it runs). */
export function useImportJob(jobId: string | null) {
  return useQuery({
    ...importJobQuery(jobId ?? ''),
    enabled: jobId !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'queued' || status === 'running' ? 1000 : false;
    },
  });
}
