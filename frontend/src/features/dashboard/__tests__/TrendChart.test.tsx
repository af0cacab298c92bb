import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TrendPoint } from '@/lib/api-types';
import { renderWithProviders } from '@/test/render';
import { linePath, niceMax, sortRank } from '../chart';
import { TrendChart } from '../components/TrendChart';

const TREND: TrendPoint[] = [
  { month: '2026-01', values: { people_reached: 12, people_referred: 6 } },
  { month: '2026-02', values: { people_reached: '<5', people_referred: 0 } },
  { month: '2026-03', values: { people_reached: 40, people_referred: 'suppressed' } },
];

describe('TrendChart', () => {
  it('draws one line per indicator and breaks it where a month is hidden', () => {
    const { container } = renderWithProviders(
      <TrendChart indicators={['people_reached', 'people_referred']} trend={TREND} />,
    );
    const reached = container.querySelector('[data-code="people_reached"] path')!.getAttribute('d')!;
    // Two separate pieces (two "M"), no point drawn for February.
    expect(reached.match(/M/g)).toHaveLength(2);
    expect(reached).not.toContain('L');
    expect(container.querySelectorAll('[data-code="people_reached"] .trend__dot--hidden')).toHaveLength(1);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Được tiếp cận', 'Được giới thiệu']);
  });

  it('lists every month in a table with hidden cells written as the API sent them', () => {
    renderWithProviders(<TrendChart indicators={['people_reached', 'people_referred']} trend={TREND} />);
    const rows = within(screen.getByTestId('trend-table')).getAllByTestId('trend-row');
    expect(rows.map((r) => r.querySelector('th')!.textContent)).toEqual([
      'Tháng 1/2026',
      'Tháng 2/2026',
      'Tháng 3/2026',
    ]);
    expect(
      within(rows[1]!)
        .getAllByTestId('trend-value')
        .map((v) => v.textContent),
    ).toEqual(['<5', '0']);
    expect(
      within(rows[2]!)
        .getAllByTestId('trend-value')
        .map((v) => v.textContent),
    ).toEqual(['40', 'ẩn']);
  });
});

describe('chart helpers', () => {
  it('rounds the axis up to a readable number', () => {
    expect(niceMax(0)).toBe(1);
    expect(niceMax(7)).toBe(10);
    expect(niceMax(86)).toBe(100);
    expect(niceMax(240)).toBe(250);
    expect(niceMax(1200)).toBe(2000);
  });

  it('lifts the pen over missing points', () => {
    expect(
      linePath([
        { x: 0, y: 10 },
        { x: 10, y: 20 },
        { x: 20, y: null },
        { x: 30, y: 5 },
      ]),
    ).toBe('M0 10 L10 20 M30 5');
  });

  it('sorts "<5" between 0 and 5, other hidden cells last', () => {
    expect(sortRank(0)).toBe(0);
    expect(sortRank('<5')).toBe(2.5);
    expect(sortRank(7)).toBe(7);
    expect(sortRank('suppressed')).toBeNull();
    expect(sortRank(null)).toBeNull();
  });
});
