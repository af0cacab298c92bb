import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrapWithEtag } from '@/lib/api-client';
import type { MemberUpdate } from '@/lib/api-types';

export function useUpdateMember(groupId: string, memberId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: MemberUpdate; etag: string }) =>
      unwrapWithEtag(
        await api.PATCH('/api/v1/peer-groups/{group_id}/members/{member_id}', {
          params: { path: { group_id: groupId, member_id: memberId } },
          body,
          headers: { 'If-Match': etag },
        }),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['peer-groups'] }),
  });
}
