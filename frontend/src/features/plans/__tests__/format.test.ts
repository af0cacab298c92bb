import { describe, expect, it } from 'vitest';
import { barWidth, executionLevel, formatRate, formatTargetValue, isComputed, parseRate } from '../format';
import { planFileName } from '../api/export-plan';

describe('execution rate (decimal string from the API)', () => {
  it('shows "0.3792" as 37,92% in Vietnamese and 37.92% in English', () => {
    expect(formatRate('0.3792', 'vi')).toBe('37,92%');
    expect(formatRate('0.3792', 'en')).toBe('37.92%');
  });

  it('shows nothing allocated (null) as a dash, not 0%', () => {
    expect(formatRate(null)).toBe('—');
    expect(parseRate(null)).toBeNull();
    expect(executionLevel(null)).toBe('none');
    expect(barWidth(null)).toBe(0);
  });

  it('shows whole and over-spent rates exactly', () => {
    expect(formatRate('1.0000', 'vi')).toBe('100%');
    expect(formatRate('1.25', 'vi')).toBe('125%');
    expect(formatRate('0.0000', 'vi')).toBe('0%');
  });

  it('sizes the bar in percent of its track, filling it when over-spent', () => {
    expect(barWidth('0.3792')).toBe(37.92);
    expect(barWidth('1.25')).toBe(100);
    expect(barWidth('0')).toBe(0);
  });

  it('tells low, normal, full and over-spent lines apart', () => {
    expect(executionLevel('0.1')).toBe('low');
    expect(executionLevel('0.3792')).toBe('normal');
    expect(executionLevel('1.0000')).toBe('full');
    expect(executionLevel('1.0001')).toBe('over');
  });
});

describe('targets', () => {
  it('shows a rate as a percentage, money in VND and counts grouped', () => {
    expect(formatTargetValue('referral_rate', '0.5000', 'vi')).toBe('50%');
    expect(formatTargetValue('budget_spent_vnd', '1500000.0000', 'vi')).toBe('1.500.000 ₫');
    expect(formatTargetValue('people_reached', '1200.0000', 'vi')).toBe('1.200');
  });

  it('has an actual value only once it is computed', () => {
    expect(isComputed({ actual_value: null, actual_status: 'not_yet_computed' })).toBe(false);
    expect(isComputed({ actual_value: '12', actual_status: 'computed' })).toBe(true);
  });
});

describe('XLSX file name', () => {
  it('keeps the plan number readable without slashes and ends with .xlsx', () => {
    expect(planFileName('149/KH-UBND', 2025)).toBe('KH-149-KH-UBND-2025.xlsx');
  });
});
