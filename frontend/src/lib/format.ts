const vndFormatter = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** 1500000 → "1.500.000 ₫" */
export function formatVnd(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '';
  return `${vndFormatter.format(amount)} ₫`;
}

/** Digits grouped the Vietnamese way without the currency sign: 1500000 → "1.500.000". */
export function formatVndInput(amount: number | null | undefined): string {
  if (amount === null || amount === undefined) return '';
  return vndFormatter.format(amount);
}

/**
 * Parses a VND amount typed by a person: "1.500.000", "1500000", "1 500 000" or
 * "1.500.000 ₫" → 1500000. Empty → null. Anything else (decimals, letters) → NaN.
 */
export function parseVnd(input: string): number | null {
  const cleaned = input.replace(/[\s\u00a0₫đĐ]/g, '').replace(/vnd$/i, '');
  if (cleaned === '') return null;
  if (/^\d{1,3}([.,]\d{3})+$/.test(cleaned) || /^\d+$/.test(cleaned)) {
    const value = Number(cleaned.replace(/[.,]/g, ''));
    return Number.isSafeInteger(value) ? value : Number.NaN;
  }
  return Number.NaN;
}

export function formatDate(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  // dd/mm/yyyy in both languages, computed in UTC so the day never shifts.
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatDateTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(date);
}

export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && 'randomUUID' in crypto) return crypto.randomUUID();
  return `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}
