import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '@/lib/api-types';
import { jsonResponse, renderWithProviders } from '@/test/render';
import { ReportActions } from '../components/ReportActions';

const REPORT: Report = {
  id: 'rep1',
  org_unit_id: 'ou1',
  org_unit_name: 'Phường Ba Đình',
  period: '2026Q4',
  period_kind: 'quarter',
  period_start: '2026-10-01',
  period_end: '2026-12-31',
  due_on: '2026-12-10',
  overdue: false,
  status: 'submitted',
  comment: null,
  submitted_at: '2026-11-23T05:00:00Z',
  reviewed_at: null,
  review_comment: null,
  version: 3,
  created_at: '2026-11-20T05:00:00Z',
  updated_at: '2026-11-23T05:00:00Z',
  values_frozen: true,
  frozen_at: '2026-11-23T05:00:00Z',
  suppressed: false,
  values: [],
  history: [],
  can_submit: false,
  can_review: true,
};

let fetchMock: ReturnType<typeof vi.fn>;
let answer: (request: Request) => Promise<Response> | Response;

beforeEach(() => {
  fetchMock = vi.fn(async (request: Request) => answer(request));
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

const reload = vi.fn(async () => undefined);

describe('ReportActions', () => {
  it('offers approve and return to the level above, and a return must say why', async () => {
    answer = async () =>
      jsonResponse(
        { ...REPORT, status: 'returned', review_comment: 'Bổ sung số liệu', can_review: false },
        { headers: { ETag: '"rep1.4"' } },
      );
    const user = userEvent.setup();
    renderWithProviders(<ReportActions report={REPORT} etag={'"rep1.3"'} onReload={reload} />);
    expect(screen.queryByTestId('action-submit')).toBeNull();
    expect(screen.getByTestId('action-approve')).toHaveTextContent('Phê duyệt');

    await user.click(screen.getByTestId('action-return'));
    await user.click(screen.getByTestId('action-confirm'));
    expect(await screen.findByText('Hãy ghi rõ lý do trả lại và nội dung cần sửa.')).toBeVisible();
    expect(fetchMock).not.toHaveBeenCalled();

    await user.type(screen.getByTestId('action-comment'), 'Bổ sung số liệu');
    await user.click(screen.getByTestId('action-confirm'));
    expect(await screen.findByText('Đã trả lại báo cáo cho đơn vị.')).toBeVisible();
    const request = fetchMock.mock.calls[0]![0] as Request;
    expect(new URL(request.url).pathname).toBe('/api/v1/reports/rep1/transitions');
    expect(request.headers.get('If-Match')).toBe('"rep1.3"');
    expect(await request.json()).toEqual({ action: 'return', comment: 'Bổ sung số liệu' });
  });

  it('submits without touching the comments, and calls it a resubmission after a return', async () => {
    answer = () => jsonResponse({ ...REPORT, status: 'submitted', can_submit: false });
    const user = userEvent.setup();
    const returned = { ...REPORT, status: 'returned' as const, can_submit: true, can_review: false };
    renderWithProviders(<ReportActions report={returned} etag={null} onReload={reload} />);
    expect(screen.queryByTestId('action-approve')).toBeNull();
    expect(screen.getByTestId('action-submit')).toHaveTextContent('Gửi lại báo cáo');
    await user.click(screen.getByTestId('action-submit'));
    expect(screen.getByTestId('submit-note')).toHaveTextContent('số liệu được chốt');
    await user.click(screen.getByTestId('action-confirm'));
    expect(await screen.findByText('Đã gửi báo cáo. Số liệu đã được chốt.')).toBeVisible();
    expect(await (fetchMock.mock.calls[0]![0] as Request).json()).toEqual({ action: 'submit' });
  });

  it('reloads and says so when the status changed meanwhile (409)', async () => {
    answer = () =>
      jsonResponse(
        { type: 'about:blank', title: 'Conflict', status: 409, detail: 'A approved report cannot be approved.' },
        { status: 409 },
      );
    const user = userEvent.setup();
    renderWithProviders(<ReportActions report={REPORT} etag={null} onReload={reload} />);
    await user.click(screen.getByTestId('action-approve'));
    await user.click(screen.getByTestId('action-confirm'));
    expect(await screen.findByTestId('action-message')).toHaveTextContent('Trạng thái báo cáo đã thay đổi');
    expect(reload).toHaveBeenCalled();
  });

  it('shows the reason of a 403 (not the level above)', async () => {
    answer = () =>
      jsonResponse(
        {
          title: 'Forbidden',
          status: 403,
          detail: 'Only the level above this unit approves or returns its report.',
        },
        { status: 403 },
      );
    const user = userEvent.setup();
    renderWithProviders(<ReportActions report={REPORT} etag={null} onReload={reload} />);
    await user.click(screen.getByTestId('action-approve'));
    await user.click(screen.getByTestId('action-confirm'));
    expect(await screen.findByTestId('action-message')).toHaveTextContent(
      'Only the level above this unit approves or returns its report.',
    );
  });

  it('tells the unit its report waits for review when nothing is for it to do', () => {
    renderWithProviders(<ReportActions report={{ ...REPORT, can_review: false }} etag={null} onReload={reload} />);
    expect(screen.getByTestId('waiting-review')).toHaveTextContent('Báo cáo đang chờ cấp trên duyệt.');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
