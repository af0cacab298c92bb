import { describe, expect, it } from 'vitest';
import {
  currentQuarter,
  daysBetween,
  formatPeriod,
  parsePeriod,
  periodCode,
  periodContaining,
  todayInVietnam,
} from '../period';

describe('parsePeriod / periodCode', () => {
  it.each([
    ['2026-06', { kind: 'month', year: 2026, index: 6 }],
    ['2026Q4', { kind: 'quarter', year: 2026, index: 4 }],
    ['2026S1', { kind: 'half_year', year: 2026, index: 1 }],
    ['2026', { kind: 'year', year: 2026, index: 0 }],
  ])('reads %s and writes it back', (code, period) => {
    expect(parsePeriod(code)).toEqual(period);
    expect(periodCode(parsePeriod(code)!)).toBe(code);
  });

  it.each(['', '2026Q5', '2026-13', '2026S3', '26Q1', 'Q4/2026', null])('refuses %s', (code) => {
    expect(parsePeriod(code)).toBeNull();
  });
});

describe('formatPeriod', () => {
  it('names periods the way a Vietnamese office writes them', () => {
    expect(formatPeriod('2026Q4', 'vi')).toBe('Quý IV/2026');
    expect(formatPeriod('2026Q1', 'vi')).toBe('Quý I/2026');
    expect(formatPeriod('2026-06', 'vi')).toBe('Tháng 6/2026');
    expect(formatPeriod('2026S1', 'vi')).toBe('6 tháng đầu năm 2026');
    expect(formatPeriod('2026S2', 'vi')).toBe('6 tháng cuối năm 2026');
    expect(formatPeriod('2026', 'vi')).toBe('Năm 2026');
  });

  it('has English names too', () => {
    expect(formatPeriod('2026Q4', 'en')).toBe('Q4 2026');
    expect(formatPeriod('2026-06', 'en')).toBe('June 2026');
    expect(formatPeriod('2026S1', 'en')).toBe('First half of 2026');
    expect(formatPeriod('2026', 'en')).toBe('Year 2026');
  });

  it('shows an unknown code as written', () => {
    expect(formatPeriod('2026W12', 'vi')).toBe('2026W12');
    expect(formatPeriod(null, 'vi')).toBe('');
  });
});

describe('the current period, in Vietnamese time', () => {
  it('moves to the next quarter at midnight in Hà Nội, not in UTC', () => {
    // 30 September 2026, 18:00 UTC is 1 October, 01:00 in Vietnam.
    const now = new Date('2026-09-30T18:00:00Z');
    expect(todayInVietnam(now)).toBe('2026-10-01');
    expect(currentQuarter(now)).toBe('2026Q4');
    expect(currentQuarter(new Date('2026-09-30T16:59:00Z'))).toBe('2026Q3');
  });

  it('finds the month, half-year and year holding a day', () => {
    expect(periodCode(periodContaining('month', '2026-11-23'))).toBe('2026-11');
    expect(periodCode(periodContaining('half_year', '2026-06-30'))).toBe('2026S1');
    expect(periodCode(periodContaining('half_year', '2026-07-01'))).toBe('2026S2');
    expect(periodCode(periodContaining('year', '2026-07-01'))).toBe('2026');
  });

  it('counts days between two dates across a month end', () => {
    expect(daysBetween('2026-09-10', '2026-11-23')).toBe(74);
    expect(daysBetween('2026-12-10', '2026-11-23')).toBe(-17);
    expect(daysBetween('2026-12-10', '2026-12-10')).toBe(0);
  });
});
