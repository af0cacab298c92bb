import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderWithProviders } from '@/test/render';
import { ReportForm } from '../components/ReportForm';

const BA_DINH = {
  id: 'ou-bd',
  code: '00004',
  name: 'Phường Ba Đình',
  level: 'commune',
  division_type: null,
  parent_id: 'ou-hn',
  parent_name: 'Thành phố Hà Nội',
  valid_from: '2025-07-01',
  valid_to: null,
  successor_id: null,
  path: '/p01/w00004/',
};

let fetchMock: ReturnType<typeof vi.fn>;
let created: (body: unknown) => Response;

beforeEach(() => {
  fetchMock = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === `/api/v1/org-units/${BA_DINH.id}`) return jsonResponse(BA_DINH);
    if (url.pathname === '/api/v1/reports' && request.method === 'POST') return created(await request.clone().json());
    if (url.pathname === '/api/v1/reports')
      return jsonResponse({ items: [{ id: 'rep-old', org_unit_id: BA_DINH.id, period: '2026Q3' }], next_cursor: null });
    return jsonResponse({ status: 404, title: 'Not found' }, { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const initial = { org_unit_id: BA_DINH.id, period: '2026Q3', comment: '' };

describe('ReportForm', () => {
  it('starts on the user’s unit and the given quarter, and creates the report', async () => {
    created = (body) => jsonResponse({ ...(body as object), id: 'rep-new' }, { status: 201 });
    const onSaved = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(
      <ReportForm initial={initial} initialOrgUnitLabel="Phường Ba Đình" onSaved={onSaved} onCancel={() => {}} />,
    );
    await waitFor(() =>
      expect(within(screen.getByTestId('report-org-unit')).getByRole('combobox')).toHaveValue(
        'Phường Ba Đình — Thành phố Hà Nội',
      ),
    );
    expect(screen.getByTestId('report-period-index')).toHaveDisplayValue('Quý III');
    await user.click(screen.getByTestId('report-submit'));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('rep-new'));
    const post = fetchMock.mock.calls.map((c) => c[0] as Request).find((r) => r.method === 'POST')!;
    expect(post.headers.get('Idempotency-Key')).toBeTruthy();
    expect(await post.json()).toEqual({ org_unit_id: BA_DINH.id, period: '2026Q3', comment: null });
  });

  it('puts a 409 on the period and offers to open the report the unit already has', async () => {
    created = () =>
      jsonResponse(
        {
          title: 'Conflict',
          status: 409,
          detail: 'This unit already has a report for this period.',
          errors: [{ loc: ['body', 'period'], msg: 'This unit already has a report for this period.' }],
        },
        { status: 409 },
      );
    const user = userEvent.setup();
    renderWithProviders(
      <ReportForm initial={initial} initialOrgUnitLabel="Phường Ba Đình" onSaved={() => {}} onCancel={() => {}} />,
    );
    await user.click(screen.getByTestId('report-submit'));
    expect(await screen.findByText('This unit already has a report for this period.')).toBeVisible();
    expect(await screen.findByTestId('report-existing')).toHaveAttribute('href', '/reports/rep-old');
  });
});
