import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '@/lib/api-client';
import type { PlanCreate, PlanQuery } from '@/lib/api-types';

type Filters = Omit<PlanQuery, 'cursor' | 'limit'>;

export function listPlansQuery(filters: Filters) {
  return infiniteQueryOptions({
    queryKey: ['plans', 'list', filters],
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/plans', {
          params: { query: { ...filters, limit: 50, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function usePlans(filters: Filters) {
  return useInfiniteQuery(listPlansQuery(filters));
}

export function getPlanQuery(id: string) {
  return queryOptions({
    queryKey: ['plans', 'detail', id],
    queryFn: async ({ signal }) =>
      unwrapWithEtag(await api.GET('/api/v1/plans/{plan_id}', { params: { path: { plan_id: id } }, signal })),
  });
}

export function usePlan(id: string) {
  return useQuery(getPlanQuery(id));
}

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: PlanCreate; idempotencyKey: string }) =>
      unwrap(await api.POST('/api/v1/plans', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['plans'] }),
  });
}

/** Program managers (plans:approve): from then on, lines change only by a recorded revision. */
export function useApprovePlan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () =>
      unwrap(await api.POST('/api/v1/plans/{plan_id}/approve', { params: { path: { plan_id: id } } })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['plans'] }),
  });
}
