import { z } from 'zod';
import type { ApiClientCreate } from '@/lib/api-types';
import { v } from '@/lib/form';

/** What a partner system may be granted (the API's list, `ApiClientCreate.scopes`). */
export const API_CLIENT_SCOPES = [
  'referrals:read',
  'referrals:write',
  'webhooks:manage',
  'organisations:read',
  'org_units:read',
] as const satisfies readonly ApiClientCreate['scopes'][number][];

export const WEBHOOK_EVENTS = ['referral.sent', 'referral.status_changed'] as const;

export const apiClientFormSchema = z.object({
  name: z.string().trim().min(1, v('required')).max(200, v('tooLong')),
  organisation_id: z.string().min(1, v('required')),
  scopes: z.array(z.enum(API_CLIENT_SCOPES)).min(1, v('required')),
});
export type ApiClientFormValues = z.infer<typeof apiClientFormSchema>;
export const API_CLIENT_FIELDS = Object.keys(apiClientFormSchema.shape);

export const webhookFormSchema = z.object({
  url: z.string().trim().url(v('url')),
  organisation_id: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, v('required')),
});
export type WebhookFormValues = z.infer<typeof webhookFormSchema>;
export const WEBHOOK_FIELDS = Object.keys(webhookFormSchema.shape);
