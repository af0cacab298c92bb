import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BudgetLine } from '@/lib/api-types';
import { fakeAuth, jsonResponse, renderWithProviders, testUser } from '@/test/render';
import { ExpenditureForm } from '../components/ExpenditureForm';

const YEAR = new Date().getFullYear();
const LINE: BudgetLine = {
  id: '11111111-1111-4111-8111-111111111111',
  plan_id: '22222222-2222-4222-8222-222222222222',
  code: '1.1',
  title: 'Sinh hoạt nhóm đồng đẳng',
  category: 'peer_groups',
  funding_source: 'provincial',
  allocated_vnd: 10_000_000,
  spent_vnd: 8_000_000,
  remaining_vnd: 2_000_000,
  execution_rate: '0.8000',
  version: 1,
};

const auth = fakeAuth({ user: { ...testUser, role: 'finance_officer', permissions: ['plans:read', 'plans:write'] } });

let fetchMock: ReturnType<typeof vi.fn>;
let posts: { key: string | null; body: Record<string, unknown> }[];

beforeEach(() => {
  posts = [];
  fetchMock = vi.fn(async (request: Request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/expenditures' && request.method === 'POST') {
      const body = (await request.json()) as Record<string, unknown>;
      posts.push({ key: request.headers.get('Idempotency-Key'), body });
      if (!body.override_reason) {
        return jsonResponse(
          {
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            detail: 'The line has 2.000.000 VND left; this expenditure is 3.500.000 VND.',
            errors: [{ loc: ['body', 'amount_vnd'], msg: 'exceeds what the budget line has left' }],
            remaining_vnd: 2_000_000,
          },
          { status: 409 },
        );
      }
      return jsonResponse(
        { id: 'exp-1', ...body, created_at: '2025-01-01T00:00:00Z', created_by: null },
        { status: 201 },
      );
    }
    return jsonResponse({ status: 404, title: 'Not found' }, { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => vi.unstubAllGlobals());

async function fillOverspend(user: ReturnType<typeof userEvent.setup>) {
  await user.clear(screen.getByTestId('expenditure-date'));
  await user.type(screen.getByTestId('expenditure-date'), `${YEAR}-01-01`);
  await user.type(screen.getByTestId('expenditure-amount'), '3.500.000');
  await user.type(screen.getByTestId('expenditure-description'), 'Hội thảo đối thoại ba bên');
  await user.click(screen.getByTestId('expenditure-submit'));
}

describe('ExpenditureForm over-spend', () => {
  it('shows what the line has left on 409, then records it with the override reason under a new key', async () => {
    const onDone = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<ExpenditureForm lines={[LINE]} year={YEAR} orgUnitId="ou-hn" onDone={onDone} />, { auth });
    await fillOverspend(user);

    const alert = await screen.findByTestId('overspend-alert');
    expect(screen.getByTestId('overspend-remaining')).toHaveTextContent('chỉ còn 2.000.000 ₫');
    expect(screen.getByTestId('overspend-remaining')).toHaveTextContent('vượt 1.500.000 ₫');
    expect(alert).toHaveTextContent('Lý do chi vượt dự toán');
    expect(onDone).not.toHaveBeenCalled();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({ amount_vnd: 3_500_000, budget_line_id: LINE.id });
    expect(posts[0]!.body).not.toHaveProperty('override_reason');

    // No reason, no retry.
    await user.click(screen.getByTestId('override-submit'));
    expect(await screen.findByText('Trường này là bắt buộc.')).toBeInTheDocument();
    expect(posts).toHaveLength(1);

    await user.type(screen.getByLabelText(/Lý do chi vượt dự toán/), 'Theo Quyết định bổ sung kinh phí số 12/QĐ-UBND');
    await user.click(screen.getByTestId('override-submit'));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(posts).toHaveLength(2);
    expect(posts[1]!.body).toMatchObject({
      amount_vnd: 3_500_000,
      override_reason: 'Theo Quyết định bổ sung kinh phí số 12/QĐ-UBND',
    });
    expect(posts[1]!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[1]!.key).not.toBe(posts[0]!.key);
  });

  it('drops the over-spend prompt when the amount changes', async () => {
    const user = userEvent.setup();
    renderWithProviders(<ExpenditureForm lines={[LINE]} year={YEAR} orgUnitId="ou-hn" onDone={vi.fn()} />, {
      auth,
    });
    await fillOverspend(user);
    await screen.findByTestId('overspend-alert');
    await user.clear(screen.getByTestId('expenditure-amount'));
    await user.type(screen.getByTestId('expenditure-amount'), '1500000');
    expect(screen.queryByTestId('overspend-alert')).not.toBeInTheDocument();
  });
});
