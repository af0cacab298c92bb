import { describe, expect, it } from 'vitest';
import { categoryLabel, figureKind, formatFigure, formatPercent, isHidden } from '../format';

describe('formatFigure', () => {
  it('groups counts the Vietnamese way', () => {
    expect(formatFigure('people_reached', 284, 'vi')).toBe('284');
    expect(formatFigure('people_reached', 1284, 'vi')).toBe('1.284');
    expect(formatFigure('people_reached', 0, 'vi')).toBe('0');
    expect(formatFigure('people_reached', 1284, 'en')).toBe('1,284');
  });

  it('writes rates (decimal strings) as percentages with one decimal', () => {
    expect(formatFigure('referral_rate', '0.4091', 'vi')).toBe('40,9%');
    expect(formatFigure('referral_rate', '0.4091', 'en')).toBe('40.9%');
    expect(formatFigure('referral_rate', '0.5000', 'vi')).toBe('50%');
    expect(formatPercent('1.0000', 'vi')).toBe('100%');
  });

  it('writes amounts in đồng and medians with one decimal', () => {
    expect(formatFigure('budget_spent_vnd', 37000000, 'vi')).toBe('37.000.000 ₫');
    expect(formatFigure('median_days_to_completion', '12.50', 'vi')).toBe('12,5');
  });

  it('shows hidden cells as the API sends them, never as numbers', () => {
    expect(formatFigure('people_reached', '<5', 'vi')).toBe('<5');
    expect(formatFigure('people_reached', 'suppressed', 'vi')).toBe('ẩn');
    expect(formatFigure('people_reached', 'suppressed', 'en')).toBe('hidden');
    expect(formatPercent('<5', 'vi')).toBe('<5');
    expect(isHidden('<5')).toBe(true);
    expect(isHidden('suppressed')).toBe(true);
    expect(isHidden('0.4091')).toBe(false);
    expect(isHidden(4)).toBe(false);
  });

  it('shows nothing to compute as a dash', () => {
    expect(formatFigure('referral_rate', null, 'vi')).toBe('—');
    expect(formatFigure('people_reached', undefined, 'vi')).toBe('—');
  });

  it('tells what an indicator measures from its code', () => {
    expect(figureKind('referral_completion_rate')).toBe('rate');
    expect(figureKind('budget_allocated_vnd')).toBe('money');
    expect(figureKind('median_days_to_completion')).toBe('decimal');
    expect(figureKind('victims_supported')).toBe('count');
  });
});

describe('categoryLabel', () => {
  it('labels breakdown categories from the enums, and "unknown" everywhere', () => {
    expect(categoryLabel('sex', 'female', 'vi')).toBe('Nữ');
    expect(categoryLabel('group', 'sex_worker', 'en')).toBe('Sex worker');
    expect(categoryLabel('group', 'unknown', 'vi')).toBe('Không rõ');
    expect(categoryLabel('mystery', 'x', 'vi')).toBe('x');
  });
});
