import { ApiError } from '@/lib/problem';

export interface Overspend {
  /** What the line has left, as the API counted it (integer VND). */
  remaining_vnd: number;
  detail: string | null;
}

/** The 409 of POST /expenditures when the amount exceeds what the line has left; null for anything else. */
export function overspendOf(err: unknown): Overspend | null {
  if (!(err instanceof ApiError) || err.status !== 409) return null;
  const remaining = (err.problem as { remaining_vnd?: unknown }).remaining_vnd;
  if (typeof remaining !== 'number') return null;
  return { remaining_vnd: remaining, detail: err.problem.detail ?? null };
}
