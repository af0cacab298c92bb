import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag, type Versioned } from '@/lib/api-client';
import type { Report, ReportCreate, ReportQuery, ReportTransition, ReportUpdate } from '@/lib/api-types';

type Filters = Omit<ReportQuery, 'cursor' | 'limit'>;

export function listReportsQuery(filters: Filters) {
  return infiniteQueryOptions({
    queryKey: ['reports', 'list', filters],
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/reports', {
          // No `limit`: the API's default page (50) is what we want.
          params: { query: { ...filters, ...(pageParam ? { cursor: pageParam } : {}) } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useReports(filters: Filters) {
  return useInfiniteQuery(listReportsQuery(filters));
}

/** The report a unit has for a period, if any (to open it after a 409 on create). */
export async function findReportId(orgUnit: string, period: string): Promise<string | null> {
  try {
    const page = unwrap(await api.GET('/api/v1/reports', { params: { query: { org_unit: orgUnit, period } } }));
    return page.items.find((r) => r.org_unit_id === orgUnit)?.id ?? null;
  } catch {
    return null;
  }
}

export function getReportQuery(id: string) {
  return queryOptions({
    queryKey: ['reports', 'detail', id],
    queryFn: async ({ signal }) =>
      unwrapWithEtag(await api.GET('/api/v1/reports/{report_id}', { params: { path: { report_id: id } }, signal })),
  });
}

/** The report as read with its ETag, which the next PATCH (and a transition) sends back in If-Match. */
export function useReport(id: string) {
  return useQuery(getReportQuery(id));
}

export function useCreateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: ReportCreate; idempotencyKey: string }) =>
      unwrapWithEtag(await api.POST('/api/v1/reports', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: (created) => {
      queryClient.setQueryData(['reports', 'detail', created.item.id], created);
      void queryClient.invalidateQueries({ queryKey: ['reports', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['reports', 'overdue'] });
    },
  });
}

function remember(queryClient: ReturnType<typeof useQueryClient>, saved: Versioned<Report>) {
  queryClient.setQueryData(['reports', 'detail', saved.item.id], saved);
  void queryClient.invalidateQueries({ queryKey: ['reports', 'list'] });
  void queryClient.invalidateQueries({ queryKey: ['reports', 'overdue'] });
  void queryClient.invalidateQueries({ queryKey: ['reports', 'consolidation'] });
}

/** Comments of a draft or returned report; 412 when someone changed it since it was read. */
export function useUpdateReport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: ReportUpdate; etag: string | null }) =>
      unwrapWithEtag(
        await api.PATCH('/api/v1/reports/{report_id}', {
          params: { path: { report_id: id } },
          body,
          headers: etag ? { 'If-Match': etag } : {},
        }),
      ),
    onSuccess: (saved) => remember(queryClient, saved),
  });
}

/** submit (figures freeze) · approve · return (with a comment): 403 not the level above, 409 wrong status. */
export function useTransitionReport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: ReportTransition; etag: string | null }) =>
      unwrapWithEtag(
        await api.POST('/api/v1/reports/{report_id}/transitions', {
          params: { path: { report_id: id } },
          body,
          headers: etag ? { 'If-Match': etag } : {},
        }),
      ),
    onSuccess: (saved) => remember(queryClient, saved),
    onError: () => void queryClient.invalidateQueries({ queryKey: ['reports', 'detail', id] }),
  });
}
