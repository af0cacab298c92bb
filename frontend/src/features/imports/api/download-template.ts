import { API_PREFIX, authFetch } from '@/lib/api-client';
import { saveBlob } from '@/lib/download';

/** GET /imports/{resource}/template.xlsx with the bearer token, saved as a file. */
export async function downloadTemplate(resource: string): Promise<void> {
  const url = `${window.location.origin}${API_PREFIX}/imports/${encodeURIComponent(resource)}/template.xlsx`;
  const response = await authFetch(new Request(url));
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  saveBlob(await response.blob(), `mau-nhap-${resource}.xlsx`);
}
