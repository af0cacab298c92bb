import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '@/test/render';
import { ImportSummary } from '../components/ImportSummary';
import type { ImportResult } from '../schemas';

const checked: ImportResult = {
  resource: 'establishments',
  dry_run: true,
  committed: false,
  rows: 4,
  created: 2,
  updated: 0,
  unchanged: 0,
  errors_total: 2,
  errors: [
    { row: 3, column: 'Loại hình', message: '“Xông hơi đá muối” không có trong danh mục' },
    { row: 5, column: 'Ngày ký cam kết', message: '“31/02/2026” không phải là ngày' },
  ],
};

describe('ImportSummary', () => {
  it('lists every row error with its row, column and reason', () => {
    renderWithProviders(<ImportSummary result={checked} />);
    expect(screen.getByTestId('import-summary')).toHaveAttribute('data-outcome', 'dryRunErrors');
    const rows = screen.getAllByTestId('import-error');
    expect(rows).toHaveLength(2);
    expect(
      within(rows[0]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['3', 'Loại hình', '“Xông hơi đá muối” không có trong danh mục']);
    expect(screen.getByTestId('count-errors')).toHaveTextContent('2');
  });

  it('says a real run was imported, with no error table', () => {
    renderWithProviders(
      <ImportSummary result={{ ...checked, dry_run: false, committed: true, errors: [], errors_total: 0 }} />,
    );
    expect(screen.getByTestId('import-summary')).toHaveAttribute('data-outcome', 'imported');
    expect(screen.getByRole('heading')).toHaveTextContent('Đã nhập dữ liệu.');
    expect(screen.queryByTestId('import-errors')).toBeNull();
  });

  it('counts the errors that were not listed', () => {
    renderWithProviders(<ImportSummary result={{ ...checked, errors_total: 1002 }} />);
    expect(screen.getByText('Còn 1000 lỗi khác.')).toBeInTheDocument();
  });
});
