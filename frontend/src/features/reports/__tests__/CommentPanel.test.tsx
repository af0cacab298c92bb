import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '@/lib/api-types';
import { jsonResponse, renderWithProviders } from '@/test/render';
import { CommentPanel } from '../components/CommentPanel';

const DRAFT = {
  id: 'rep1',
  org_unit_id: 'ou1',
  org_unit_name: 'Phường Ba Đình',
  period: '2026Q4',
  period_kind: 'quarter',
  period_start: '2026-10-01',
  period_end: '2026-12-31',
  due_on: '2026-12-10',
  overdue: false,
  status: 'draft',
  comment: 'Cũ',
  submitted_at: null,
  reviewed_at: null,
  review_comment: null,
  version: 1,
  created_at: '2026-11-20T05:00:00Z',
  updated_at: '2026-11-20T05:00:00Z',
  values_frozen: false,
  frozen_at: null,
  suppressed: false,
  values: [],
  history: [],
  can_submit: true,
  can_review: false,
} satisfies Report;

let fetchMock: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fetchMock = vi.fn();
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('CommentPanel', () => {
  it('saves the comments with the ETag it read', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse({ ...DRAFT, comment: 'Mới', version: 2 }, { headers: { ETag: '"rep1.2"' } }),
    );
    const user = userEvent.setup();
    renderWithProviders(<CommentPanel report={DRAFT} etag={'"rep1.1"'} onReload={async () => undefined} />);
    await user.click(screen.getByTestId('comment-edit'));
    await user.clear(screen.getByTestId('comment-input'));
    await user.type(screen.getByTestId('comment-input'), 'Mới');
    await user.click(screen.getByTestId('comment-save'));
    expect(await screen.findByTestId('comment-saved')).toHaveTextContent('Đã lưu nhận xét.');
    const request = fetchMock.mock.calls[0]![0] as Request;
    expect(request.method).toBe('PATCH');
    expect(request.headers.get('If-Match')).toBe('"rep1.1"');
    expect(await request.json()).toEqual({ comment: 'Mới' });
  });

  it('asks to reload when someone changed the report meanwhile (412)', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse({ title: 'Precondition failed', status: 412, detail: 'changed' }, { status: 412 }),
    );
    const onReload = vi.fn(async () => undefined);
    const user = userEvent.setup();
    renderWithProviders(<CommentPanel report={DRAFT} etag={'"rep1.1"'} onReload={onReload} />);
    await user.click(screen.getByTestId('comment-edit'));
    await user.type(screen.getByTestId('comment-input'), ' thêm');
    await user.click(screen.getByTestId('comment-save'));
    expect(await screen.findByTestId('conflict-alert')).toHaveTextContent('Dữ liệu đã bị người khác thay đổi');
    await user.click(screen.getByTestId('conflict-reload'));
    expect(onReload).toHaveBeenCalled();
  });

  it('offers no editing once the report is handed in', () => {
    renderWithProviders(
      <CommentPanel
        report={{ ...DRAFT, status: 'submitted', can_submit: false }}
        etag={null}
        onReload={async () => undefined}
      />,
    );
    expect(screen.getByTestId('report-comment-text')).toHaveTextContent('Cũ');
    expect(screen.queryByTestId('comment-edit')).toBeNull();
  });
});
