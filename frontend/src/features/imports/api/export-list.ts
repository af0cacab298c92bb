import { API_PREFIX, authFetch } from '@/lib/api-client';
import { saveBlob } from '@/lib/download';
import { currentLanguage } from '@/lib/i18n';

export type ExportFormat = 'csv' | 'xlsx';
export type ExportFilters = Record<string, string | number | boolean | undefined | null>;

/** GET /exports/{resource}.{csv|xlsx} with the list's own filters, saved as a file. */
export async function downloadExport(resource: string, format: ExportFormat, filters: ExportFilters): Promise<void> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const suffix = query.toString() ? `?${query.toString()}` : '';
  const url = `${window.location.origin}${API_PREFIX}/exports/${resource}.${format}${suffix}`;
  const response = await authFetch(new Request(url, { headers: { 'Accept-Language': currentLanguage() } }));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const today = new Date().toISOString().slice(0, 10);
  saveBlob(await response.blob(), `${resource}-${today}.${format}`);
}
