import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ExpenditureCreate, ExpenditureQuery } from '@/lib/api-types';

type Filters = Omit<ExpenditureQuery, 'cursor' | 'limit'>;

export function listExpendituresQuery(filters: Filters) {
  return infiniteQueryOptions({
    queryKey: ['expenditures', 'list', filters],
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/expenditures', {
          params: { query: { ...filters, limit: 100, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useExpenditures(filters: Filters) {
  return useInfiniteQuery(listExpendituresQuery(filters));
}

/**
 * Beyond what the line has left the API answers 409 with `remaining_vnd`; the same body with an
 * `override_reason` is then recorded (and audited). A new key for the retry: the refused one created nothing.
 */
export function useCreateExpenditure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: ExpenditureCreate; idempotencyKey: string }) =>
      unwrap(await api.POST('/api/v1/expenditures', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['expenditures'] });
      void queryClient.invalidateQueries({ queryKey: ['plans'] });
      void queryClient.invalidateQueries({ queryKey: ['budget-execution'] });
    },
  });
}
