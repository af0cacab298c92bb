import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { UnitRow } from '@/lib/api-types';
import { renderWithProviders } from '@/test/render';
import { UnitTable } from '../components/UnitTable';

const row = (name: string, reached: number | string): UnitRow => ({
  org_unit_id: name,
  name,
  code: name,
  values: { people_reached: reached, referral_rate: null },
});
const ROWS = [
  row('Phường Ba Đình', 86),
  row('Phường Cửa Nam', '<5'),
  row('Phường Hoàn Kiếm', 0),
  row('Xã Sóc Sơn', 12),
];

const names = () => screen.getAllByTestId('unit-row').map((r) => r.dataset.unit);

describe('UnitTable', () => {
  it('sorts by the first figure, largest first, then the other way on a click', async () => {
    const user = userEvent.setup();
    renderWithProviders(<UnitTable indicators={['people_reached', 'referral_rate']} rows={ROWS} period="2026Q4" />);
    expect(names()).toEqual(['Phường Ba Đình', 'Xã Sóc Sơn', 'Phường Cửa Nam', 'Phường Hoàn Kiếm']);
    await user.click(screen.getByTestId('sort-people_reached'));
    expect(names()).toEqual(['Phường Hoàn Kiếm', 'Phường Cửa Nam', 'Xã Sóc Sơn', 'Phường Ba Đình']);
    await user.click(screen.getByTestId('sort-name'));
    expect(names()).toEqual(['Phường Ba Đình', 'Phường Cửa Nam', 'Phường Hoàn Kiếm', 'Xã Sóc Sơn']);
    expect(screen.getByTestId('sort-name').closest('th')).toHaveAttribute('aria-sort', 'ascending');
  });

  it('writes hidden cells as such, and links each unit to its own dashboard', () => {
    const rows = ROWS.map((r, i) => ({ ...r, values: { ...r.values, referral_rate: i === 0 ? '0.4603' : null } }));
    renderWithProviders(<UnitTable indicators={['people_reached', 'referral_rate']} rows={rows} period="2026Q4" />);
    const values = screen.getAllByTestId('unit-value').map((v) => v.textContent);
    expect(values).toEqual(['86', '46%', '12', '—', '<5', '—', '0', '—']);
    expect(screen.getByRole('link', { name: 'Phường Ba Đình' })).toHaveAttribute(
      'href',
      '/dashboard?org_unit=Phường Ba Đình&period=2026Q4',
    );
  });

  it('leaves out a column the API withholds for every unit', () => {
    renderWithProviders(<UnitTable indicators={['people_reached', 'referral_rate']} rows={ROWS} period="2026Q4" />);
    expect(screen.queryByTestId('sort-referral_rate')).toBeNull();
    expect(screen.getAllByTestId('unit-value')).toHaveLength(4);
  });
});
