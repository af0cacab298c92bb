import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';

export interface ProblemFieldError {
  loc: (string | number)[];
  msg: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string | null;
  errors?: ProblemFieldError[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export function toProblem(status: number, body: unknown): Problem {
  if (body && typeof body === 'object') {
    return { status, ...(body as Problem) };
  }
  return { status, title: typeof body === 'string' && body ? body : undefined };
}

// Request locations that are not part of a field path ("body", "query"...).
const LOC_ROOTS = new Set(['body', 'query', 'path', 'header', 'cookie']);

/** `["body", "team", 0]` → `"team.0"`; `["body"]` → `null` (a whole-body error). */
export function locToField(loc: ProblemFieldError['loc']): string | null {
  const parts = [...loc];
  if (parts.length > 0 && typeof parts[0] === 'string' && LOC_ROOTS.has(parts[0])) {
    parts.shift();
  }
  return parts.length ? parts.join('.') : null;
}

export interface ApplyResult {
  /** Messages that could not be attached to a field of the form. */
  unmatched: string[];
  /** Whether at least one field received an error. */
  matched: boolean;
}

/**
 * Puts a problem+json's `errors[]` on the react-hook-form fields they name.
 * `fields` lists the form's field names; errors for other locations (and `detail`
 * when no field error exists) are returned to show above the form.
 */
export function applyProblemToForm<T extends FieldValues>(
  problem: Problem,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): ApplyResult {
  const unmatched: string[] = [];
  let matched = false;
  for (const err of problem.errors ?? []) {
    const field = locToField(err.loc);
    const known = field && (fields.includes(field) || fields.includes(field.split('.')[0] ?? ''));
    if (field && known) {
      const name = (fields.includes(field) ? field : field.split('.')[0]) as Path<T>;
      setError(name, { type: 'server', message: err.msg }, { shouldFocus: !matched });
      matched = true;
    } else {
      unmatched.push(field ? `${field}: ${err.msg}` : err.msg);
    }
  }
  if (!matched && unmatched.length === 0) {
    const text = problem.detail || problem.title;
    if (text) unmatched.push(text);
  }
  return { unmatched, matched };
}

export interface SubmitFailure {
  /** Messages to show above the form. */
  messages: string[];
  /** 412: the object changed since it was loaded; the user must reload. */
  conflict: boolean;
}

/** Turns a failed save into field errors (via setError) and form-level messages. */
export function handleSubmitError<T extends FieldValues>(
  err: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
  fallback: string,
): SubmitFailure {
  if (!(err instanceof ApiError)) return { messages: [fallback], conflict: false };
  if (err.status === 412) return { messages: [], conflict: true };
  const { unmatched } = applyProblemToForm(err.problem, setError, fields);
  return { messages: unmatched, conflict: false };
}
