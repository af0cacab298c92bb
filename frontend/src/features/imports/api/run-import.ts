import { API_PREFIX, authFetch } from '@/lib/api-client';
import { currentLanguage } from '@/lib/i18n';
import { ApiError, toProblem } from '@/lib/problem';
import type { ImportJob, ImportResult } from '../schemas';

export type ImportAnswer = { kind: 'result'; result: ImportResult } | { kind: 'job'; job: ImportJob };

/**
 * POST /imports/{resource} with the file as multipart form data (the generated client does not build
 * multipart bodies). 200 and 422 (rows with errors) both carry the result; 202 is a job to follow.
 */
export async function runImport(resource: string, file: File, dryRun: boolean): Promise<ImportAnswer> {
  const body = new FormData();
  body.append('file', file, file.name);
  const url = `${window.location.origin}${API_PREFIX}/imports/${encodeURIComponent(resource)}?dry_run=${dryRun}`;
  const response = await authFetch(
    new Request(url, { method: 'POST', body, headers: { 'Accept-Language': currentLanguage() } }),
  );
  const payload: unknown = await response.json().catch(() => null);
  if (response.status === 202) return { kind: 'job', job: payload as ImportJob };
  const looksLikeResult = payload && typeof payload === 'object' && 'rows' in payload && 'errors_total' in payload;
  if ((response.ok || response.status === 422) && looksLikeResult) {
    return { kind: 'result', result: payload as ImportResult };
  }
  throw new ApiError(response.status, toProblem(response.status, payload));
}
