import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '@/lib/api-client';
import type { BudgetLineCreate, BudgetLineUpdate } from '@/lib/api-types';

export function useCreateBudgetLine() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: BudgetLineCreate) => unwrap(await api.POST('/api/v1/budget-lines', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['plans'] }),
  });
}

export function getBudgetLineQuery(id: string) {
  return queryOptions({
    queryKey: ['budget-lines', 'detail', id],
    queryFn: async ({ signal }) =>
      unwrapWithEtag(await api.GET('/api/v1/budget-lines/{line_id}', { params: { path: { line_id: id } }, signal })),
  });
}

/** The line as read with its ETag, which the next PATCH sends back in If-Match. */
export function useBudgetLine(id: string) {
  return useQuery(getBudgetLineQuery(id));
}

export function useUpdateBudgetLine(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: BudgetLineUpdate; etag: string | null }) =>
      unwrapWithEtag(
        await api.PATCH('/api/v1/budget-lines/{line_id}', {
          params: { path: { line_id: id } },
          body,
          headers: etag ? { 'If-Match': etag } : {},
        }),
      ),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      void queryClient.invalidateQueries({ queryKey: ['budget-lines'] });
    },
  });
}

export function lineRevisionsQuery(id: string) {
  return queryOptions({
    queryKey: ['budget-lines', 'revisions', id],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/budget-lines/{line_id}/revisions', { params: { path: { line_id: id } }, signal })),
  });
}

export function useLineRevisions(id: string) {
  return useQuery(lineRevisionsQuery(id));
}
