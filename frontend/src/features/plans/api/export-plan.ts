import { api } from '@/lib/api-client';
import { saveBlob } from '@/lib/download';

/** File name for a plan's workbook: "KH-149-KH-UBND-2025.xlsx" (slashes are not allowed in names). */
export function planFileName(number: string, year: number): string {
  const safe = number.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
  return `KH-${safe || 'ke-hoach'}-${year}.xlsx`;
}

/** GET /plans/{id}/export.xlsx with the bearer token (a plain link would not carry it), saved as a file. */
export async function downloadPlanXlsx(plan: { id: string; number: string; year: number }): Promise<void> {
  const { data, response } = await api.GET('/api/v1/plans/{plan_id}/export.xlsx', {
    params: { path: { plan_id: plan.id } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw new Error(`HTTP ${response.status}`);
  saveBlob(data as Blob, planFileName(plan.number, plan.year));
}
