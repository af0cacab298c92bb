import type { DuplicateCandidate, DuplicateProblem } from '@/lib/api-types';
import type { Problem } from '@/lib/problem';

/** The possible duplicates of a 409 problem+json (`DuplicateProblem`), or null for another kind of conflict. */
export function candidatesOf(problem: Problem | null | undefined): DuplicateCandidate[] | null {
  const list = (problem as Partial<DuplicateProblem> | null | undefined)?.candidates;
  if (!Array.isArray(list)) return null;
  return list.filter((c): c is DuplicateCandidate => Boolean(c) && typeof c === 'object' && typeof c.code === 'string');
}
