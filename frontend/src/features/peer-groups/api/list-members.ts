import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

export function listMembersQuery(groupId: string) {
  return queryOptions({
    queryKey: ['peer-groups', 'members', groupId],
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/peer-groups/{group_id}/members', { params: { path: { group_id: groupId } }, signal }),
      ),
  });
}

export function useMembers(groupId: string) {
  return useQuery(listMembersQuery(groupId));
}
