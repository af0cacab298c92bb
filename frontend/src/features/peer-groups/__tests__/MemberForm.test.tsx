import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Member } from '@/lib/api-types';
import { fakeAuth, jsonResponse, renderWithProviders, testUser } from '@/test/render';
import { MemberForm } from '../components/MemberForm';

const GROUP_ID = '33333333-3333-4333-8333-333333333333';
const auth = fakeAuth({
  user: { ...testUser, role: 'case_worker', permissions: ['peer_groups:read', 'peer_groups:write'] },
});

let posts: { key: string | null; body: Record<string, unknown> }[];
let patches: { ifMatch: string | null; body: Record<string, unknown> }[];

beforeEach(() => {
  posts = [];
  patches = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const url = new URL(request.url);
      if (url.pathname === `/api/v1/peer-groups/${GROUP_ID}/members` && request.method === 'POST') {
        const body = (await request.json()) as Record<string, unknown>;
        posts.push({ key: request.headers.get('Idempotency-Key'), body });
        return jsonResponse(
          {
            type: 'about:blank',
            title: 'Conflict',
            status: 409,
            detail: 'The group already has a leader; record when they left first.',
            errors: [{ loc: ['body', 'member_role'], msg: 'already filled' }],
          },
          { status: 409 },
        );
      }
      if (url.pathname.startsWith(`/api/v1/peer-groups/${GROUP_ID}/members/`) && request.method === 'PATCH') {
        const body = (await request.json()) as Record<string, unknown>;
        patches.push({ ifMatch: request.headers.get('If-Match'), body });
        return jsonResponse({ ...MEMBER, ...body, version: MEMBER.version + 1 });
      }
      return jsonResponse({ status: 404, title: 'Not found' }, { status: 404 });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const MEMBER: Member = {
  id: '44444444-4444-4444-8444-444444444444',
  peer_group_id: GROUP_ID,
  full_name: 'Trần Thị Hoa',
  phone: null,
  member_role: 'member',
  joined_on: '2025-01-10',
  left_on: null,
  user_id: null,
  version: 3,
};

describe('MemberForm', () => {
  it('puts a 409 "the group already has a leader" on member_role and stays open', async () => {
    const onDone = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<MemberForm groupId={GROUP_ID} onDone={onDone} />, { auth });
    await user.type(screen.getByTestId('member-name'), 'Nguyễn Văn An');
    await user.selectOptions(screen.getByTestId('member-role-select'), 'leader');
    await user.click(screen.getByTestId('member-submit'));

    const role = screen.getByTestId('member-role-select');
    expect(await screen.findByText('already filled')).toBeInTheDocument();
    expect(role).toHaveAttribute('aria-invalid', 'true');
    expect(role.closest('.field')).toHaveTextContent('already filled');
    expect(onDone).not.toHaveBeenCalled();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.key).toBeTruthy();
    expect(posts[0]!.body).toMatchObject({ full_name: 'Nguyễn Văn An', member_role: 'leader', left_on: null });
  });

  it('records the day a member left with the If-Match of the row read', async () => {
    const onDone = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<MemberForm groupId={GROUP_ID} member={MEMBER} onDone={onDone} />, { auth });
    await user.type(screen.getByTestId('member-left-on'), '2025-06-30');
    await user.click(screen.getByTestId('member-submit'));

    await vi.waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(patches).toEqual([
      {
        ifMatch: '"44444444444444448444444444444444.3"',
        body: expect.objectContaining({ left_on: '2025-06-30', member_role: 'member' }) as unknown,
      },
    ]);
  });
});
