import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { IndicatorValue } from '@/lib/api-types';
import { renderWithProviders } from '@/test/render';
import { ValuesTable } from '../components/ValuesTable';

const VALUES: IndicatorValue[] = [
  {
    code: 'people_reached',
    label_vi: 'Số người được tiếp cận',
    label_en: 'People reached',
    value: 86,
    breakdown: {
      sex: { female: 38, male: 10, unknown: 38 },
      age_group: { '16-17': '<5', '18-24': 'suppressed', '25-34': 16, '35+': 21, unknown: 38 },
      group: { establishment_worker: 29, sex_worker: 15, unknown: 38 },
    },
  },
  {
    code: 'referral_rate',
    label_vi: 'Tỷ lệ người có nhu cầu được giới thiệu',
    label_en: 'Referral rate',
    value: '0.4603',
  },
  {
    code: 'referrals_completed',
    label_vi: 'Số giới thiệu hoàn thành',
    label_en: 'Referrals completed',
    value: 25,
    breakdown: { service_type: { loan: 6, health_check: '<5' } },
  },
];

const cell = (code: string, dim: string, key: string) =>
  screen.getByTestId('values-table').querySelector(`[data-code="${code}"] td[data-dim="${dim}"][data-key="${key}"]`)!;

describe('ValuesTable', () => {
  it('lays indicators out as rows with total, sex, age group and client group columns', () => {
    renderWithProviders(<ValuesTable values={VALUES} />);
    const table = screen.getByTestId('values-table');
    expect(within(table).getByRole('columnheader', { name: 'Giới tính' })).toHaveAttribute('colspan', '4');
    expect(within(table).getByRole('columnheader', { name: 'Nhóm tuổi' })).toHaveAttribute('colspan', '6');
    expect(within(table).getByRole('columnheader', { name: 'Nhóm đối tượng' })).toHaveAttribute('colspan', '5');
    const rows = screen.getAllByTestId('value-row');
    expect(within(rows[0]!).getByTestId('value-total')).toHaveTextContent('86');
    expect(within(rows[1]!).getByTestId('value-total')).toHaveTextContent('46%');
    expect(cell('people_reached', 'sex', 'female')).toHaveTextContent('38');
    // A category the breakdown does not name is a zero, as in the workbook.
    expect(cell('people_reached', 'sex', 'other')).toHaveTextContent('0');
    expect(cell('people_reached', 'age_group', '16-17')).toHaveTextContent('<5');
    expect(cell('people_reached', 'age_group', '18-24')).toHaveTextContent('ẩn');
    // No such breakdown for a rate: the cell stays empty.
    expect(cell('referral_rate', 'sex', 'female')).toHaveTextContent('');
    expect(cell('referral_rate', 'sex', 'female')).toHaveAttribute('aria-label', 'Không áp dụng');
  });

  it('opens the other breakdowns of an indicator on request', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ValuesTable values={VALUES} />);
    expect(screen.getAllByTestId('value-expand')).toHaveLength(1);
    expect(screen.queryByTestId('value-other')).toBeNull();
    await user.click(screen.getByTestId('value-expand'));
    const other = screen.getByTestId('value-other');
    expect(within(other).getByText('Loại dịch vụ')).toBeVisible();
    expect(within(other).getByText('Vay vốn').nextSibling).toHaveTextContent('6');
    expect(screen.getByTestId('value-expand')).toHaveAttribute('aria-expanded', 'true');
  });
});
