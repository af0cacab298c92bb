import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { InspectionCreate } from '@/lib/api-types';

export function useCreateInspection(establishmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, idempotencyKey }: { body: InspectionCreate; idempotencyKey: string }) =>
      unwrap(
        await api.POST('/api/v1/establishments/{establishment_id}/inspections', {
          params: { path: { establishment_id: establishmentId } },
          body,
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['inspections', establishmentId] });
      void queryClient.invalidateQueries({ queryKey: ['establishments', 'detail', establishmentId] });
    },
  });
}
