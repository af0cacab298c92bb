import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '@/lib/api-client';
import type { SupportCreate, VictimCaseQuery, VictimIntake, VictimTransition } from '@/lib/api-types';

type Filters = Omit<VictimCaseQuery, 'cursor' | 'limit'>;

export function listVictimCasesQuery(filters: Filters) {
  return infiniteQueryOptions({
    queryKey: ['victim-cases', 'list', filters],
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/victim-cases', {
          params: { query: { ...filters, limit: 50, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useVictimCases(filters: Filters) {
  return useInfiniteQuery(listVictimCasesQuery(filters));
}

export function getVictimCaseQuery(id: string) {
  return queryOptions({
    queryKey: ['victim-cases', 'detail', id],
    queryFn: async ({ signal }) =>
      unwrapWithEtag(await api.GET('/api/v1/victim-cases/{case_id}', { params: { path: { case_id: id } }, signal })),
  });
}

export function useVictimCase(id: string) {
  return useQuery(getVictimCaseQuery(id));
}

/** Hotline quick intake: a pseudonymous client and a case under identification, in one step. */
export function useVictimIntake() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: VictimIntake; idempotencyKey: string }) =>
      unwrap(await api.POST('/api/v1/victim-cases/intake', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['victim-cases'] }),
  });
}

export function useTransitionVictimCase(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: VictimTransition) =>
      unwrap(await api.POST('/api/v1/victim-cases/{case_id}/transitions', { params: { path: { case_id: id } }, body })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['victim-cases'] }),
  });
}

export function useAddSupport(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: SupportCreate; idempotencyKey: string }) =>
      unwrap(
        await api.POST('/api/v1/victim-cases/{case_id}/supports', {
          params: { path: { case_id: id } },
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['victim-cases'] }),
  });
}
