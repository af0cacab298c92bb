import { describe, expect, it } from 'vitest';
import { formatDate, formatVnd, formatVndInput, parseVnd } from '../format';

describe('formatVnd', () => {
  it('groups thousands with dots and appends the đồng sign', () => {
    expect(formatVnd(1500000)).toBe('1.500.000 ₫');
    expect(formatVnd(0)).toBe('0 ₫');
    expect(formatVnd(999)).toBe('999 ₫');
  });

  it('shows nothing for a missing amount', () => {
    expect(formatVnd(null)).toBe('');
    expect(formatVnd(undefined)).toBe('');
  });

  it('formats input values without the sign', () => {
    expect(formatVndInput(25000000)).toBe('25.000.000');
  });
});

describe('parseVnd', () => {
  it.each([
    ['1.500.000', 1500000],
    ['1500000', 1500000],
    ['1 500 000', 1500000],
    ['1.500.000 ₫', 1500000],
    ['2.000.000đ', 2000000],
    [' 750000 ', 750000],
    ['0', 0],
  ])('reads %s as %d', (text, amount) => {
    expect(parseVnd(text)).toBe(amount);
  });

  it('reads empty input as no amount', () => {
    expect(parseVnd('')).toBeNull();
    expect(parseVnd('   ')).toBeNull();
  });

  it.each(['1,5', '1.50.000', 'abc', '-100', '1.5e6'])('rejects %s', (text) => {
    expect(parseVnd(text)).toBeNaN();
  });
});

describe('formatDate', () => {
  it('shows ISO dates as dd/mm/yyyy', () => {
    expect(formatDate('2025-03-15', 'vi')).toBe('15/03/2025');
    expect(formatDate('2025-03-15', 'en')).toBe('15/03/2025');
    expect(formatDate(null, 'vi')).toBe('');
  });
});
