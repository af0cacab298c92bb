import i18n, { currentLanguage, type Language } from './i18n';

/** Reporting periods as the API writes them: 2026-06 (month), 2026Q2, 2026S1 (half-year), 2026 (year). */
export type PeriodKind = 'month' | 'quarter' | 'half_year' | 'year';

export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half_year', 'year'];

export interface Period {
  kind: PeriodKind;
  year: number;
  /** Month 1–12, quarter 1–4 or half 1–2; 0 for a year. */
  index: number;
}

const PATTERN = /^(\d{4})(?:-(\d{2})|Q([1-4])|S([12]))?$/;

export function parsePeriod(code: string | null | undefined): Period | null {
  const match = code ? PATTERN.exec(code.trim()) : null;
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2]) {
    const month = Number(match[2]);
    return month >= 1 && month <= 12 ? { kind: 'month', year, index: month } : null;
  }
  if (match[3]) return { kind: 'quarter', year, index: Number(match[3]) };
  if (match[4]) return { kind: 'half_year', year, index: Number(match[4]) };
  return { kind: 'year', year, index: 0 };
}

export function periodCode({ kind, year, index }: Period): string {
  if (kind === 'month') return `${year}-${String(index).padStart(2, '0')}`;
  if (kind === 'quarter') return `${year}Q${index}`;
  if (kind === 'half_year') return `${year}S${index}`;
  return String(year);
}

/** How many sub-periods a year has for this kind (12 months, 4 quarters, 2 halves, 1). */
export function periodsPerYear(kind: PeriodKind): number {
  return kind === 'month' ? 12 : kind === 'quarter' ? 4 : kind === 'half_year' ? 2 : 1;
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/**
 * "2026Q4" → "Quý IV/2026", "2026-06" → "Tháng 6/2026", "2026S1" → "6 tháng đầu năm 2026", "2026" → "Năm 2026"
 * (English: "Q4 2026", "June 2026", "First half of 2026", "Year 2026"). Anything else is shown as written.
 */
export function formatPeriod(code: string | null | undefined, lang: Language = currentLanguage()): string {
  const period = parsePeriod(code);
  if (!period) return code ?? '';
  const { kind, year, index } = period;
  const t = i18n.getFixedT(lang, 'common');
  if (kind === 'month') {
    const monthName = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      month: 'long',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(year, index - 1, 1)));
    return t('period.month', { month: index, monthName, year });
  }
  if (kind === 'quarter') return t('period.quarter', { quarter: index, roman: ROMAN[index - 1], year });
  if (kind === 'half_year') return t(index === 1 ? 'period.firstHalf' : 'period.secondHalf', { year });
  return t('period.year', { year });
}

/** Today's date in Vietnam (UTC+7, no daylight saving), where reporting periods and due dates live. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** The period of this kind that contains the given day ("2026-11-23" → quarter "2026Q4"). */
export function periodContaining(kind: PeriodKind, isoDay: string): Period {
  const year = Number(isoDay.slice(0, 4));
  const month = Number(isoDay.slice(5, 7));
  if (kind === 'month') return { kind, year, index: month };
  if (kind === 'quarter') return { kind, year, index: Math.ceil(month / 3) };
  if (kind === 'half_year') return { kind, year, index: month <= 6 ? 1 : 2 };
  return { kind, year, index: 0 };
}

/** The quarter Vietnam is in now: the default period of the dashboard and of a new report. */
export function currentQuarter(now: Date = new Date()): string {
  return periodCode(periodContaining('quarter', todayInVietnam(now)));
}

/** Whole days from `from` to `to` (ISO dates); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const a = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  const b = Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)) - 1, Number(to.slice(8, 10)));
  return Math.round((b - a) / 86_400_000);
}
