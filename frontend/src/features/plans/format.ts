import type { PlanTarget } from '@/lib/api-types';
import { formatVnd } from '@/lib/format';

/** "0.3792" (the API's decimal string) → 0.3792; null or not a number → null. */
export function parseRate(rate: string | null | undefined): number | null {
  if (rate === null || rate === undefined || rate.trim() === '') return null;
  const n = Number(rate);
  return Number.isFinite(n) ? n : null;
}

function localeTag(lang: string): string {
  return lang === 'en' ? 'en-GB' : 'vi-VN';
}

/** "0.3792" → "37,92%" (vi) or "37.92%" (en); nothing allocated (null) → "—". */
export function formatRate(rate: string | null | undefined, lang = 'vi'): string {
  const n = parseRate(rate);
  if (n === null) return '—';
  return new Intl.NumberFormat(localeTag(lang), { style: 'percent', maximumFractionDigits: 2 }).format(n);
}

export type ExecutionLevel = 'none' | 'low' | 'normal' | 'full' | 'over';

/** How far a line is spent: "over" past its allocation, "full" at exactly 100 %. */
export function executionLevel(rate: string | null | undefined): ExecutionLevel {
  const n = parseRate(rate);
  if (n === null) return 'none';
  if (n > 1) return 'over';
  if (n === 1) return 'full';
  if (n < 0.3) return 'low';
  return 'normal';
}

/** Width of the bar in percent of its track, 0–100 (an over-spent line fills the track). */
export function barWidth(rate: string | null | undefined): number {
  const n = parseRate(rate);
  if (n === null || n <= 0) return 0;
  return Math.min(100, Math.round(n * 10000) / 100);
}

/** A target value (decimal string) shown by what it measures: a rate, an amount in VND, or a count. */
export function formatTargetValue(
  indicator: string,
  value: string | number | null | undefined,
  lang = 'vi',
): string {
  if (value === null || value === undefined || value === '') return '';
  const n = Number(value);
  // Hidden small cells ("<5") and other markers are shown as the API sends them.
  if (!Number.isFinite(n)) return String(value);
  if (indicator.endsWith('_rate')) return formatRate(String(value), lang);
  if (indicator.endsWith('_vnd')) return formatVnd(Math.round(n));
  return new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: 4 }).format(n);
}

/** An actual value exists only once the indicator engine has computed it. */
export function isComputed(target: Pick<PlanTarget, 'actual_value' | 'actual_status'>): boolean {
  return target.actual_status === 'computed' && target.actual_value !== null && target.actual_value !== undefined;
}
