import type { AuditQuery } from '@/lib/api-types';

export interface AuditFilters {
  actor: string;
  action: string;
  resource: string;
  resource_id: string;
  since: string;
  until: string;
}

export const AUDIT_FILTER_KEYS: (keyof AuditFilters)[] = [
  'actor',
  'action',
  'resource',
  'resource_id',
  'since',
  'until',
];

/** Dates picked in the form (YYYY-MM-DD) become a local-day range in ISO timestamps. */
export function toAuditQuery(f: AuditFilters): Omit<AuditQuery, 'cursor' | 'limit'> {
  const q: Record<string, string> = {};
  if (f.actor.trim()) q.actor = f.actor.trim();
  if (f.action.trim()) q.action = f.action.trim();
  if (f.resource.trim()) q.resource = f.resource.trim();
  if (f.resource_id.trim()) q.resource_id = f.resource_id.trim();
  if (f.since) q.since = new Date(`${f.since}T00:00:00`).toISOString();
  if (f.until) q.until = new Date(`${f.until}T23:59:59.999`).toISOString();
  return q as Omit<AuditQuery, 'cursor' | 'limit'>;
}
