import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { WebhookCreate } from '@/lib/api-types';

export function listWebhooksQuery() {
  return queryOptions({
    queryKey: ['webhooks'],
    queryFn: async ({ signal }) => unwrap(await api.GET('/api/v1/webhooks', { signal })),
  });
}

export function useWebhooks() {
  return useQuery(listWebhooksQuery());
}

/** The answer carries the signing `secret`, shown once. */
export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: WebhookCreate) => unwrap(await api.POST('/api/v1/webhooks', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}

export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const result = await api.DELETE('/api/v1/webhooks/{webhook_id}', { params: { path: { webhook_id: id } } });
      unwrap(result);
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['webhooks'] }),
  });
}

export function useRotateWebhookSecret() {
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/api/v1/webhooks/{webhook_id}/secret', { params: { path: { webhook_id: id } } })),
  });
}

export function useDeliveries(webhookId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['webhooks', webhookId, 'deliveries'],
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET('/api/v1/webhooks/{webhook_id}/deliveries', {
          params: { path: { webhook_id: webhookId } },
          signal,
        }),
      ),
    enabled,
  });
}

export function useRedeliver(webhookId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (deliveryId: string) =>
      unwrap(
        await api.POST('/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver', {
          params: { path: { webhook_id: webhookId, delivery_id: deliveryId } },
        }),
      ),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['webhooks', webhookId, 'deliveries'] }),
  });
}
