import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PeriodPicker, switchKind } from '../PeriodPicker';

describe('PeriodPicker', () => {
  it('changes the quarter and the year of a period', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<PeriodPicker value="2026Q4" onChange={onChange} lastYear={2026} data-testid="p" />);
    expect(screen.getByTestId('p-index')).toHaveDisplayValue('Quý IV');
    await user.selectOptions(screen.getByTestId('p-index'), '2');
    expect(onChange).toHaveBeenLastCalledWith('2026Q2');
    await user.selectOptions(screen.getByTestId('p-year'), '2024');
    expect(onChange).toHaveBeenLastCalledWith('2024Q4');
  });

  it('offers every period in a filter, and no sub-period for a year', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(<PeriodPicker value={null} allowAll onChange={onChange} data-testid="p" />);
    expect(screen.getByTestId('p-kind')).toHaveDisplayValue('Tất cả các kỳ');
    expect(screen.queryByTestId('p-year')).toBeNull();
    rerender(<PeriodPicker value="2025" allowAll onChange={onChange} data-testid="p" />);
    expect(screen.queryByTestId('p-index')).toBeNull();
    await user.selectOptions(screen.getByTestId('p-kind'), '');
    expect(onChange).toHaveBeenLastCalledWith(null);
  });

  it('keeps to the same part of the year when the kind changes', () => {
    expect(switchKind({ kind: 'quarter', year: 2024, index: 3 }, 'month', '2026-11-23')).toEqual({
      kind: 'month',
      year: 2024,
      index: 7,
    });
    expect(switchKind({ kind: 'month', year: 2024, index: 8 }, 'half_year', '2026-11-23')).toEqual({
      kind: 'half_year',
      year: 2024,
      index: 2,
    });
    // In the current year: the period holding today.
    expect(switchKind({ kind: 'year', year: 2026, index: 0 }, 'quarter', '2026-11-23')).toEqual({
      kind: 'quarter',
      year: 2026,
      index: 4,
    });
  });
});
