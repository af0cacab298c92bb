import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrgUnit } from '@/lib/api-types';
import { jsonResponse, renderWithProviders } from '@/test/render';
import { OrgUnitPicker } from '../components/OrgUnitPicker';

const unit = (id: string, name: string, parent_name: string | null, level: OrgUnit['level'] = 'commune'): OrgUnit => ({
  id,
  code: id,
  name,
  level,
  division_type: null,
  parent_id: parent_name ? 'p' : null,
  parent_name,
  valid_from: '2025-07-01',
  valid_to: null,
  successor_id: null,
  path: `/${id}/`,
});

const BA_DINH = unit('00004', 'Phường Ba Đình', 'Thành phố Hà Nội');
const BA_DINH_HCM = unit('26734', 'Phường Bà Điểm', 'Thành phố Hồ Chí Minh');

let fetchMock: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fetchMock = vi.fn(async (input: Request) => {
    const url = new URL(input.url);
    if (url.pathname === '/api/v1/org-units') return jsonResponse({ items: [BA_DINH, BA_DINH_HCM], next_cursor: null });
    if (url.pathname === `/api/v1/org-units/${BA_DINH.id}`) return jsonResponse(BA_DINH);
    return jsonResponse({ status: 404, title: 'Not found' }, { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => vi.unstubAllGlobals());

function Harness({ initial = null, onChange }: { initial?: string | null; onChange: (id: string | null) => void }) {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <>
      <label htmlFor="ou">Đơn vị</label>
      <OrgUnitPicker
        id="ou"
        value={value}
        onChange={(id) => {
          setValue(id);
          onChange(id);
        }}
      />
      <output data-testid="value">{value ?? ''}</output>
    </>
  );
}

describe('OrgUnitPicker', () => {
  it('searches current units as you type and shows "name — parent"', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness onChange={vi.fn()} />);
    await user.type(screen.getByRole('combobox', { name: 'Đơn vị' }), 'ba dinh');

    const option = await screen.findByRole('option', { name: /Phường Ba Đình — Thành phố Hà Nội/ });
    expect(option).toBeInTheDocument();
    const requested = new URL((fetchMock.mock.calls.at(-1)![0] as Request).url);
    expect(requested.pathname).toBe('/api/v1/org-units');
    expect(requested.searchParams.get('q')).toBe('ba dinh');
    expect(requested.searchParams.get('current')).toBe('true');
    // Pickers offer only units the caller may record in.
    expect(requested.searchParams.get('in_scope')).toBe('true');
  });

  it('selects a unit with the mouse and shows its label', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithProviders(<Harness onChange={onChange} />);
    const input = screen.getByRole('combobox');
    await user.type(input, 'ba dinh');
    await user.click(await screen.findByRole('option', { name: /Phường Ba Đình/ }));

    expect(onChange).toHaveBeenCalledWith(BA_DINH.id);
    expect(input).toHaveValue('Phường Ba Đình — Thành phố Hà Nội');
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
  });

  it('selects with the keyboard', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithProviders(<Harness onChange={onChange} />);
    await user.type(screen.getByRole('combobox'), 'ba');
    await screen.findAllByRole('option');
    await user.keyboard('{ArrowDown}{ArrowDown}{Enter}');
    expect(onChange).toHaveBeenCalledWith(BA_DINH_HCM.id);
  });

  it('shows the label of a value given from outside, and clears it', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    renderWithProviders(<Harness initial={BA_DINH.id} onChange={onChange} />);
    const input = screen.getByRole('combobox');
    await waitFor(() => expect(input).toHaveValue('Phường Ba Đình — Thành phố Hà Nội'));

    await user.click(screen.getByRole('button', { name: 'Bỏ chọn đơn vị' }));
    expect(onChange).toHaveBeenCalledWith(null);
    expect(input).toHaveValue('');
  });

  it('says so when nothing matches', async () => {
    fetchMock.mockImplementation(async () => jsonResponse({ items: [], next_cursor: null }));
    const user = userEvent.setup();
    renderWithProviders(<Harness onChange={vi.fn()} />);
    await user.type(screen.getByRole('combobox'), 'zzz');
    expect(await screen.findByText('Không tìm thấy đơn vị phù hợp.')).toBeInTheDocument();
  });
});
