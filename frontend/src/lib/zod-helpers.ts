import { z } from 'zod';
import { v } from './form';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "" or a YYYY-MM-DD date (what <input type="date"> gives). */
export const optionalDate = z
  .string()
  .refine((s) => s === '' || (ISO_DATE.test(s) && !Number.isNaN(Date.parse(s))), v('date'));

export const requiredDate = z
  .string()
  .min(1, v('required'))
  .refine((s) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(s)), v('date'));

/** "" or a whole number ≥ 0 typed in a text/number input. */
export const optionalCount = z.string().refine((s) => s.trim() === '' || /^\d+$/.test(s.trim()), v('wholeNumber'));

/** "" or a decimal number within [min, max]. */
export function optionalDecimal(min: number, max: number) {
  return z.string().refine((s) => {
    const t = s.trim().replace(',', '.');
    if (t === '') return true;
    const n = Number(t);
    return Number.isFinite(n) && n >= min && n <= max;
  }, v('outOfRange'));
}

export function emptyToNull(s: string): string | null {
  const t = s.trim();
  return t === '' ? null : t;
}

export function countOrNull(s: string): number | null {
  const t = s.trim();
  return t === '' ? null : Number(t);
}

export function decimalOrNull(s: string): number | null {
  const t = s.trim().replace(',', '.');
  return t === '' ? null : Number(t);
}
