import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrapWithEtag } from '@/lib/api-client';
import type { PeerGroupUpdate } from '@/lib/api-types';

export function useUpdatePeerGroup(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, etag }: { body: PeerGroupUpdate; etag: string | null }) =>
      unwrapWithEtag(
        await api.PATCH('/api/v1/peer-groups/{group_id}', {
          params: { path: { group_id: id } },
          body,
          headers: etag ? { 'If-Match': etag } : {},
        }),
      ),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['peer-groups'] }),
  });
}
