import { api, refreshSessionDetailed } from '@/lib/api-client';
import type { ActivityCreate, ContactCreate } from '@/lib/api-types';
import { getAccessToken } from '@/lib/tokens';
import type { OutboxEntry, SendAnswer } from './outbox';

/**
 * Sends one outbox entry with its own Idempotency-Key. The api client adds the bearer token and
 * refreshes it once on a 401; network failures throw (the entry stays pending).
 */
export async function sendOutboxEntry(entry: OutboxEntry): Promise<SendAnswer> {
  const headers = { 'Idempotency-Key': entry.key };
  const result =
    entry.kind === 'contact'
      ? await api.POST('/api/v1/contacts', { body: entry.body as unknown as ContactCreate, headers })
      : await api.POST('/api/v1/activities', { body: entry.body as unknown as ActivityCreate, headers });
  return { status: result.response.status, body: result.data ?? result.error };
}

export type SessionState = 'ok' | 'offline' | 'rejected';

/**
 * After a time offline the access token is gone (page reopened) or expired: get a fresh one
 * before sending anything, so the first entry is not spent on a 401.
 */
export async function ensureSession(): Promise<SessionState> {
  if (getAccessToken()) return 'ok';
  return refreshSessionDetailed();
}
