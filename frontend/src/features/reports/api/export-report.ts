import { api } from '@/lib/api-client';
import { saveBlob } from '@/lib/download';

/** "Phường Ba Đình" + "2026Q4" → "bao-cao-Phuong-Ba-Dinh-2026Q4.xlsx" (no diacritics, no spaces in the name). */
export function reportFileName(unitName: string, period: string, prefix = 'bao-cao'): string {
  const safe = unitName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${prefix}-${safe ? `${safe}-` : ''}${period}.xlsx`;
}

/** GET /reports/{id}/export.xlsx with the bearer token (a plain link would not carry it), saved as a file. */
export async function downloadReportXlsx(report: { id: string; org_unit_name?: string; period: string }) {
  const { data, response } = await api.GET('/api/v1/reports/{report_id}/export.xlsx', {
    params: { path: { report_id: report.id } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw new Error(`HTTP ${response.status}`);
  saveBlob(data as Blob, reportFileName(report.org_unit_name ?? '', report.period));
}

/** The consolidated report of a unit's children for a period, as the office workbook. */
export async function downloadConsolidationXlsx(orgUnit: string, unitName: string, period: string) {
  const { data, response } = await api.GET('/api/v1/reports/consolidation.xlsx', {
    params: { query: { org_unit: orgUnit, period } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw new Error(`HTTP ${response.status}`);
  saveBlob(data as Blob, reportFileName(unitName, period, 'bao-cao-tong-hop'));
}
