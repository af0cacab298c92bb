import { formatVnd } from '@/lib/format';
import i18n, { currentLanguage, type Language } from '@/lib/i18n';

/**
 * A figure as the API sends it: a count or amount (integer), a rate or median (decimal string, "0.4091"),
 * a hidden small cell ("<5", "suppressed") for aggregate-only readers, or null (nothing to compute).
 */
export type Figure = number | string | null | undefined;

export type FigureKind = 'count' | 'rate' | 'money' | 'decimal';

/** What an indicator measures, from its code (the API's naming: `_rate`, `_vnd`, the median of days). */
export function figureKind(code: string): FigureKind {
  if (code.endsWith('_rate')) return 'rate';
  if (code.endsWith('_vnd')) return 'money';
  if (code.startsWith('median_')) return 'decimal';
  return 'count';
}

/** A cell the API hid from this reader ("<5", "suppressed"): never a number, never drawn as one. */
export function isHidden(value: Figure): value is string {
  return typeof value === 'string' && !/^-?\d+(\.\d+)?$/.test(value.trim());
}

/** The figure as a number, or null when it is hidden or missing. */
export function figureNumber(value: Figure): number | null {
  if (value === null || value === undefined || isHidden(value)) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

function localeTag(lang: Language): string {
  return lang === 'en' ? 'en-GB' : 'vi-VN';
}

/** "0.4091" → "40,9%" (vi) or "40.9%" (en). */
export function formatPercent(rate: Figure, lang: Language = currentLanguage()): string {
  const n = figureNumber(rate);
  if (n === null) return isHidden(rate) ? formatHidden(rate, lang) : '—';
  return new Intl.NumberFormat(localeTag(lang), { style: 'percent', maximumFractionDigits: 1 }).format(n);
}

/** "<5" stays "<5"; "suppressed" reads "ẩn" / "hidden". */
export function formatHidden(value: string, lang: Language = currentLanguage()): string {
  if (/^<\d+$/.test(value)) return value;
  return i18n.getFixedT(lang, 'common')('figures.hidden');
}

/**
 * One figure for display, by what the indicator measures: 1234 → "1.234", "0.4091" → "40,9%",
 * 1500000 (VND) → "1.500.000 ₫", "<5" → "<5", null → "—".
 */
export function formatFigure(code: string, value: Figure, lang: Language = currentLanguage()): string {
  if (value === null || value === undefined || value === '') return '—';
  if (isHidden(value)) return formatHidden(value, lang);
  const n = figureNumber(value);
  if (n === null) return String(value);
  const kind = figureKind(code);
  if (kind === 'rate') return formatPercent(n, lang);
  if (kind === 'money') return formatVnd(Math.round(n));
  return new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: 1 }).format(n);
}

/** The API's own label of an indicator in the reader's language. */
export function indicatorLabel(
  item: { label_vi: string; label_en: string; code: string },
  lang: Language = currentLanguage(),
): string {
  return (lang === 'en' ? item.label_en : item.label_vi) || item.code;
}

/** Breakdown dimensions (the API's names) → the enum namespace that labels their categories. */
const DIMENSION_ENUMS: Record<string, string> = {
  sex: 'sex',
  age_group: 'ageGroup',
  group: 'clientGroup',
  type: 'establishmentType',
  service_type: 'serviceType',
  exploitation: 'exploitation',
  kind: 'activityKind',
  member_role: 'memberRole',
  funding_source: 'fundingSource',
  category: 'budgetCategory',
};

/** "sex" + "female" → "Nữ"; an unknown category keeps its code. */
export function categoryLabel(dimension: string, key: string, lang: Language = currentLanguage()): string {
  const t = i18n.getFixedT(lang, 'enums');
  if (key === 'unknown') return i18n.getFixedT(lang, 'common')('figures.unknown');
  const ns = DIMENSION_ENUMS[dimension];
  if (!ns) return key;
  return t(`${ns}.${key}` as 'sex.female', { defaultValue: key });
}

export function dimensionLabel(dimension: string, lang: Language = currentLanguage()): string {
  return i18n.getFixedT(lang, 'common')(`figures.dimensions.${dimension}` as 'figures.dimensions.sex', {
    defaultValue: dimension,
  });
}
