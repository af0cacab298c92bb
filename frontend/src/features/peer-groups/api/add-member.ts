import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { MemberCreate } from '@/lib/api-types';

export function useAddMember(groupId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: MemberCreate; idempotencyKey: string }) =>
      unwrap(
        await api.POST('/api/v1/peer-groups/{group_id}/members', {
          params: { path: { group_id: groupId } },
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    // The group's members_active count changes too.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['peer-groups'] }),
  });
}
