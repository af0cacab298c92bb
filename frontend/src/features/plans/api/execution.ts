import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ExecutionQuery } from '@/lib/api-types';

export function budgetExecutionQuery(filters: ExecutionQuery) {
  return queryOptions({
    queryKey: ['budget-execution', filters],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/budget-execution', { params: { query: filters }, signal })),
  });
}

export function useBudgetExecution(filters: ExecutionQuery) {
  return useQuery(budgetExecutionQuery(filters));
}
