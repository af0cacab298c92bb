import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OutboxProvider } from '@/features/offline/OutboxProvider';
import { setTokens } from '@/lib/tokens';
import { memoryOutboxStore } from '@/test/memory-outbox';
import { jsonResponse, renderWithProviders } from '@/test/render';
import { ContactForm } from '../components/ContactForm';
import { emptyContactForm, formToContactBody, resolveDuplicate } from '../schemas';

const UNIT = {
  id: 'ou-bd',
  code: '00004',
  name: 'Phường Ba Đình',
  level: 'commune',
  parent_id: 'ou-hn',
  parent_name: 'Thành phố Hà Nội',
  valid_from: '2025-07-01',
  valid_to: null,
  successor_id: null,
  path: '/p01/w00004/',
};

const CANDIDATES = [
  { id: 'c1', code: 'DH-AAAA-1111', sex: 'female', birth_year: 1999, match: 'same_name', full_name: null },
  { id: 'c2', code: 'DH-BBBB-2222', sex: 'female', birth_year: 1999, match: 'same_given_name', full_name: null },
];

let fetchMock: ReturnType<typeof vi.fn>;
let posts: { body: Record<string, unknown>; key: string | null }[];

beforeEach(() => {
  posts = [];
  setTokens({ access_token: 'T' });
  fetchMock = vi.fn(async (input: Request) => {
    const url = new URL(input.url);
    if (url.pathname === '/api/v1/peer-groups') return jsonResponse({ items: [], next_cursor: null });
    if (url.pathname === '/api/v1/org-units/ou-bd') return jsonResponse(UNIT);
    if (url.pathname === '/api/v1/contacts' && input.method === 'POST') {
      const body = (await input.json()) as Record<string, unknown>;
      posts.push({ body, key: input.headers.get('Idempotency-Key') });
      if (body.new_client && !(body.new_client as { allow_duplicate?: boolean }).allow_duplicate) {
        return jsonResponse(
          { type: 'about:blank', title: 'Conflict', status: 409, detail: 'May be registered', candidates: CANDIDATES },
          { status: 409 },
        );
      }
      return jsonResponse(
        { id: 'new', client_id: 'c1', client_code: body.client_code ?? 'DH-NEW0-0001', place: 'hotspot' },
        { status: 201 },
      );
    }
    return jsonResponse({ title: 'not mocked' }, { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
});
afterEach(() => {
  vi.unstubAllGlobals();
  setTokens(null);
});

function renderForm() {
  const store = memoryOutboxStore();
  const onRemember = vi.fn();
  const initial = emptyContactForm({ org_unit_id: 'ou-bd', place: 'hotspot' });
  renderWithProviders(
    <OutboxProvider store={store} session={async () => 'ok'}>
      <ContactForm initial={initial} initialOrgUnitLabel="Phường Ba Đình" onRemember={onRemember} />
    </OutboxProvider>,
  );
  return { store, onRemember };
}

async function fillNewPerson() {
  const user = userEvent.setup();
  await user.click(screen.getByTestId('client-mode-new'));
  await user.type(screen.getByTestId('field-birth-year'), '1999');
  await user.click(screen.getByTestId('new-client-group-sex_worker'));
  await user.click(screen.getByTestId('field-consent'));
  await user.type(screen.getByTestId('field-full-name'), 'Nguyễn Thị Hoa');
  return user;
}

describe('ContactForm — possible duplicates', () => {
  it('offers the candidates without names the API did not send, and links the contact to the chosen code', async () => {
    const { store } = renderForm();
    const user = await fillNewPerson();
    await user.click(screen.getByTestId('need-sti_hiv_testing'));
    await user.click(screen.getByTestId('contact-submit'));

    const dialog = await screen.findByTestId('duplicate-candidates');
    expect(screen.getAllByTestId('duplicate-candidate')).toHaveLength(2);
    expect(dialog).toHaveTextContent('DH-AAAA-1111');
    expect(screen.queryByTestId('duplicate-name')).toBeNull();
    expect(dialog).not.toHaveTextContent('Nguyễn Thị Hoa');
    expect(posts[0]!.body.new_client).toMatchObject({ full_name: 'Nguyễn Thị Hoa', birth_year: 1999 });

    await user.click(screen.getByTestId('duplicate-link-DH-AAAA-1111'));
    await screen.findByTestId('contact-saved');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.body.client_code).toBe('DH-AAAA-1111');
    expect(posts[1]!.body).not.toHaveProperty('new_client');
    expect(posts[1]!.body.needs).toEqual(['sti_hiv_testing']);
    // A different body travels under a different key; nothing is left in the outbox.
    expect(posts[1]!.key).toBeTruthy();
    expect(posts[1]!.key).not.toBe(posts[0]!.key);
    expect(store.entries.size).toBe(0);
  });

  it('registers a new person anyway when none of them is the one (allow_duplicate)', async () => {
    renderForm();
    const user = await fillNewPerson();
    await user.click(screen.getByTestId('contact-submit'));
    await screen.findByTestId('duplicate-candidates');
    await user.click(screen.getByTestId('duplicate-create-new'));
    await screen.findByTestId('contact-saved');
    expect(posts[1]!.body.new_client).toMatchObject({ allow_duplicate: true, full_name: 'Nguyễn Thị Hoa' });
    expect(screen.getByTestId('contact-saved-code')).toHaveTextContent('DH-NEW0-0001');
  });

  it('shows a name only when the API sent one', async () => {
    CANDIDATES[0]!.full_name = 'Nguyễn Thị Hoa' as never;
    try {
      renderForm();
      const user = await fillNewPerson();
      await user.click(screen.getByTestId('contact-submit'));
      await screen.findByTestId('duplicate-candidates');
      expect(screen.getAllByTestId('duplicate-name')).toHaveLength(1);
    } finally {
      CANDIDATES[0]!.full_name = null;
    }
  });
});

describe('contact body', () => {
  it('keeps identity out unless consent was given, and dates the consent on the contact day', () => {
    const values = emptyContactForm({ org_unit_id: 'ou', place: 'hotspot', contacted_on: '2026-11-20' });
    values.client_mode = 'new';
    values.new_client = { ...values.new_client, group: 'at_risk', full_name: 'X', phone: '0901' };
    expect(formToContactBody(values).new_client).not.toHaveProperty('full_name');
    values.new_client.consent = true;
    expect(formToContactBody(values).new_client).toMatchObject({
      full_name: 'X',
      phone: '0901',
      consent_data_processing_on: '2026-11-20',
    });
  });

  it('normalises a typed card code and drops the person when linking to a candidate', () => {
    const values = emptyContactForm({ org_unit_id: 'ou', place: 'hotspot' });
    values.client_mode = 'code';
    values.client_code = 'dh 7k3m 9qxp';
    expect(formToContactBody(values).client_code).toBe('DH-7K3M-9QXP');
    const linked = resolveDuplicate(
      { ...formToContactBody(values), client_code: undefined, new_client: { group: 'at_risk' } },
      { link: 'DH-AAAA-1111' },
    );
    expect(linked).toMatchObject({ client_code: 'DH-AAAA-1111', first_contact: false });
    expect(linked).not.toHaveProperty('new_client');
  });
});
