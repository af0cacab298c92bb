import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api, unwrap, unwrapWithEtag } from '@/lib/api-client';
import type { UserCreate, UserQuery, UserUpdate } from '@/lib/api-types';

type Filters = Omit<UserQuery, 'cursor' | 'limit'>;

export function listUsersQuery(filters: Filters) {
  return infiniteQueryOptions({
    queryKey: ['users', 'list', filters],
    queryFn: async ({ pageParam, signal }) =>
      unwrap(
        await api.GET('/api/v1/users', {
          params: { query: { ...filters, limit: 50, cursor: pageParam ?? undefined } },
          signal,
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useUsers(filters: Filters) {
  return useInfiniteQuery(listUsersQuery(filters));
}

export function getUserQuery(id: string) {
  return queryOptions({
    queryKey: ['users', 'detail', id],
    queryFn: async ({ signal }) =>
      unwrapWithEtag(await api.GET('/api/v1/users/{user_id}', { params: { path: { user_id: id } }, signal })),
  });
}

export function useUser(id: string) {
  return useQuery(getUserQuery(id));
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: UserCreate; idempotencyKey: string }) =>
      unwrapWithEtag(await api.POST('/api/v1/users', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
    onSuccess: (created) => {
      queryClient.setQueryData(['users', 'detail', created.item.id], created);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: UserUpdate; etag: string }) =>
      unwrapWithEtag(
        await api.PATCH('/api/v1/users/{user_id}', {
          body,
          params: { path: { user_id: id } },
          headers: { 'If-Match': etag },
        }),
      ),
    onSuccess: (updated) => {
      queryClient.setQueryData(['users', 'detail', id], updated);
      void queryClient.invalidateQueries({ queryKey: ['users', 'list'] });
    },
  });
}

/** Up to 500 users for pickers (the audit log's actor filter). */
export function useUserChoices(enabled = true) {
  return useQuery({
    queryKey: ['users', 'choices'],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET('/api/v1/users', { params: { query: { limit: 500 } }, signal })).items,
    enabled,
    staleTime: 5 * 60_000,
  });
}
