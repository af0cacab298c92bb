import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ProviderReferral } from '@/lib/api-types';
import { jsonResponse, renderWithProviders } from '@/test/render';
import { TransitionPanel } from '../components/TransitionPanel';

const REFERRAL: ProviderReferral = {
  id: 'r1',
  service_type: 'legal_counselling',
  status: 'sent',
  from_organisation_id: null,
  to_organisation_id: 'o1',
  reason: null,
  follow_up_due_on: null,
  outcome: null,
  decline_reason: null,
  sent_at: '2026-01-05T08:00:00Z',
  closed_at: null,
  overdue: false,
  allowed_transitions: ['accepted', 'declined'],
  history: [],
  version: 2,
  created_at: '2026-01-05T08:00:00Z',
  updated_at: '2026-01-05T08:00:00Z',
  client: { code: 'DH-AAAA-BBBB', sex: 'female', age_group: '18-24', group: null },
};

let fetchMock: ReturnType<typeof vi.fn>;
let answer: (body: unknown) => Response;

beforeEach(() => {
  fetchMock = vi.fn(async (request: Request) => answer(await request.clone().json()));
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

describe('TransitionPanel', () => {
  it('offers only the allowed steps and asks for a reason before declining', async () => {
    answer = (body) => jsonResponse({ ...REFERRAL, status: 'declined', allowed_transitions: [], ...(body as object) });
    const user = userEvent.setup();
    renderWithProviders(<TransitionPanel referral={REFERRAL} />);
    expect(screen.getByTestId('transition-accepted')).toHaveTextContent('Tiếp nhận');
    expect(screen.queryByTestId('transition-completed')).toBeNull();

    await user.click(screen.getByTestId('transition-declined'));
    await user.click(screen.getByTestId('transition-confirm'));
    expect(await screen.findByText('Trường này là bắt buộc.')).toBeVisible();
    expect(fetchMock).not.toHaveBeenCalled();

    await user.type(screen.getByTestId('transition-text'), 'Ngoài phạm vi hỗ trợ');
    await user.click(screen.getByTestId('transition-confirm'));
    expect(await screen.findByText('Đã cập nhật: Bị từ chối.')).toBeVisible();
    const request = fetchMock.mock.calls[0]![0] as Request;
    expect(new URL(request.url).pathname).toBe('/api/v1/referrals/r1/transitions');
    expect(await request.json()).toEqual({ to: 'declined', decline_reason: 'Ngoài phạm vi hỗ trợ' });
  });

  it('names the steps still possible when the API answers 409', async () => {
    answer = () =>
      jsonResponse({ status: 409, title: 'Conflict', allowed: ['completed', 'not_completed'] }, { status: 409 });
    const user = userEvent.setup();
    renderWithProviders(<TransitionPanel referral={REFERRAL} />);
    await user.click(screen.getByTestId('transition-accepted'));
    await user.click(screen.getByTestId('transition-confirm'));
    expect(
      await screen.findByText('Trạng thái đã thay đổi. Các bước hiện có thể làm: Hoàn thành, Không hoàn thành.'),
    ).toBeVisible();
  });
});
