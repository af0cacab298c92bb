import type { DuplicateCandidate } from '@/lib/api-types';
import type { Problem } from '@/lib/problem';

/** The possible duplicates of a 409 problem+json, or null when it is another kind of conflict. */
export function candidatesOf(problem: Problem | null | undefined): DuplicateCandidate[] | null {
  const list = (problem as { candidates?: unknown } | null | undefined)?.candidates;
  if (!Array.isArray(list)) return null;
  return list.filter(
    (c): c is DuplicateCandidate =>
      Boolean(c) && typeof c === 'object' && typeof (c as DuplicateCandidate).code === 'string',
  );
}
