import type { APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD, expect, randomSuffix, test } from './fixtures';
import { ContactEntryPage } from './pages/contact-entry-page';

// The peer educator's journey on a phone with a patchy connection (issue #3).

async function apiToken(request: APIRequestContext, username: string): Promise<string> {
  const res = await request.post('/api/v1/auth/token', {
    form: { grant_type: 'password', username, password: DEMO_PASSWORD },
  });
  expect(res.ok()).toBeTruthy();
  return ((await res.json()) as { access_token: string }).access_token;
}

async function myContactIds(request: APIRequestContext, token: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const res = await request.get('/api/v1/contacts', {
      params: { mine: 'true', limit: '500', ...(cursor ? { cursor } : {}) },
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(res.ok()).toBeTruthy();
    const page = (await res.json()) as { items: { id: string }[]; next_cursor: string | null };
    page.items.forEach((c) => ids.add(c.id));
    cursor = page.next_cursor;
  } while (cursor);
  return ids;
}

let newClientCode: string | null = null;

test('peer educator records a new person with needs, then two contacts offline that sync exactly once', async ({
  page,
  context,
  request,
  loginPage,
}) => {
  const entry = new ContactEntryPage(page);
  await loginPage.goto();
  await loginPage.login('dongdang.lan', DEMO_PASSWORD);
  // The contact entry is the peer educator's home screen.
  await entry.expectOpen();
  await expect(page).toHaveURL(/\/contacts\/new$/);
  await expect(page.getByTestId('field-contacted-on')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);

  // One screen: place, a new person (no identity), topics, materials, needs.
  await entry.place('hotspot');
  await entry.clientMode('new');
  await expect(page.getByTestId('identity-fields')).toBeHidden();
  await page.getByTestId('field-birth-year').fill('1999');
  await page.getByTestId('new-client-group-establishment_worker').click();
  await entry.toggle('topic', 'health_hiv_sti');
  await entry.toggle('topic', 'social_insurance');
  await entry.addMaterial('condoms', 3);
  await entry.addMaterial('leaflets', 1);
  await entry.toggle('need', 'sti_hiv_testing');
  await entry.toggle('need', 'health_insurance_card');
  await entry.submit();
  await expect(page.getByTestId('contact-saved')).toBeVisible();
  newClientCode = await page.getByTestId('contact-saved-code').innerText();
  expect(newClientCode).toMatch(/^DH-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  // The repeat parts are remembered; the person and needs are cleared.
  await expect(page.getByTestId('place-hotspot')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('topic-health_hiv_sti')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('need-sti_hiv_testing')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('client-mode-anonymous')).toHaveAttribute('aria-checked', 'true');

  const token = await apiToken(request, 'dongdang.lan');
  const before = await myContactIds(request, token);

  // The network goes away: two more contacts wait on the phone.
  await context.setOffline(true);
  await expect(page.getByTestId('offline-indicator')).toBeVisible();
  await entry.addMaterial('leaflets', 2);
  await entry.submit();
  await expect(page.getByTestId('contact-queued')).toBeVisible();
  await expect(entry.outboxCount()).toHaveText('1');
  await entry.clientMode('code');
  await page.getByTestId('field-client-code').fill(newClientCode.toLowerCase());
  await entry.toggle('need', 'legal_counselling');
  await entry.submit();
  await expect(entry.outboxCount()).toHaveText('2');
  await expect(page.getByTestId('outbox-pending')).toHaveCount(2);
  await expect(page.getByTestId('outbox-pending').first()).toContainText('Đang chờ gửi');

  // Back online: the outbox flushes by itself, and each record reaches the server once.
  await context.setOffline(false);
  await expect(page.getByTestId('outbox-badge')).toBeHidden({ timeout: 30_000 });
  await expect(page.getByTestId('outbox-pending')).toHaveCount(0);
  const after = await myContactIds(request, token);
  const added = [...after].filter((id) => !before.has(id));
  expect(added).toHaveLength(2);
});

test('case worker sees the commune’s contacts and a client’s timeline', async ({ page, loginPage, shell }) => {
  await loginPage.goto();
  await loginPage.login('canbo.badinh', DEMO_PASSWORD);
  await shell.open('contacts');
  await expect(page.getByTestId('contact-row').first()).toBeVisible();
  // Contacts recorded by the peer educators of the commune are there, not only the case worker's own.
  await expect(page.getByTestId('filter-mine')).not.toBeChecked();
  const all = await page.getByTestId('contact-row').count();
  expect(all).toBeGreaterThan(0);

  await shell.open('clients');
  const code = newClientCode;
  if (code) {
    await page.getByTestId('client-search').fill(code);
    await expect(page.getByTestId('client-row')).toHaveCount(1);
  }
  await page.getByTestId('client-link').first().click();
  await expect(page.getByTestId('client-code')).toBeVisible();
  if (code) {
    await expect(page.getByTestId('client-code')).toHaveText(code);
    // The first contact and the one recorded offline with the card code.
    await expect(page.getByTestId('client-timeline').getByTestId('contact-row')).toHaveCount(2);
  }
});

test('group leader records the monthly group meeting with 22 participants', async ({ page, loginPage, shell }) => {
  const title = `Sinh hoạt nhóm (e2e ${randomSuffix()})`;
  await loginPage.goto();
  await loginPage.login('dongdang.lan', DEMO_PASSWORD);
  await shell.open('peer-groups');
  await page.getByRole('link', { name: 'Nhóm đồng đẳng Hoa Sen' }).click();
  await expect(page.getByTestId('member-row').first()).toBeVisible();
  await expect(page.getByTestId('member-role').filter({ hasText: 'Trưởng nhóm' }).first()).toBeVisible();
  await page.getByTestId('record-meeting').click();

  const form = page.getByTestId('activity-form');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('field-kind')).toHaveValue('group_meeting');
  await expect(page.getByTestId('field-title')).toHaveValue(/Sinh hoạt nhóm tháng/);
  await page.getByTestId('field-title').fill(title);
  await page.getByTestId('field-participants-total').fill('22');
  await page.getByTestId('field-participants-female').fill('19');
  await page.getByTestId('field-location').fill('Nhà văn hóa phường');
  await page.getByTestId('material-leaflets-plus').click();
  await page.getByTestId('activity-submit').click();
  await expect(page.getByTestId('activity-saved')).toBeVisible();

  await page.getByRole('link', { name: /Danh sách hoạt động/ }).click();
  const row = page.getByTestId('meeting-table').getByTestId('activity-row').filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId('activity-participants')).toContainText('22');
});

test('installed app: after one visit it opens with no network, and what is recorded then is sent later', async ({
  page,
  context,
  request,
  loginPage,
}) => {
  const entry = new ContactEntryPage(page);
  await loginPage.goto();
  await loginPage.login('dongdang.lan', DEMO_PASSWORD);
  await entry.expectOpen();
  const manifest = await request.get('/manifest.webmanifest');
  expect(manifest.ok()).toBeTruthy();
  expect(((await manifest.json()) as { name: string }).name).toBe('Đồng Hành');
  // The service worker has cached the app shell.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

  const token = await apiToken(request, 'dongdang.lan');
  const before = await myContactIds(request, token);

  await context.setOffline(true);
  await page.reload();
  await entry.expectOpen();
  await expect(page.getByTestId('offline-indicator')).toBeVisible();
  await entry.place('community');
  await entry.toggle('topic', 'trafficking_risk');
  await entry.submit();
  await expect(page.getByTestId('contact-queued')).toBeVisible();
  await expect(entry.outboxCount()).toHaveText('1');

  await context.setOffline(false);
  await expect(page.getByTestId('outbox-badge')).toBeHidden({ timeout: 30_000 });
  const after = await myContactIds(request, token);
  expect([...after].filter((id) => !before.has(id))).toHaveLength(1);
});
