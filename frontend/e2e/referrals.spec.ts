import { apiGet, apiPost, apiToken, todayIso } from './api';
import { DEMO_PASSWORD, expect, test } from './fixtures';
import { ReferFromContactPage, ReferralDetailPage, ReferralInboxPage } from './pages/referral-pages';

const LEGAL_AID_HANOI = 'Trung tâm Trợ giúp pháp lý nhà nước Hà Nội';

test('case worker refers a need to the legal-aid centre, which accepts and completes it; the case worker sees the timeline', async ({
  page,
  request,
  loginPage,
  shell,
}) => {
  // A registered person met today in Ba Đình who asked for legal counselling.
  const token = await apiToken(request, 'canbo.badinh');
  const me = await apiGet<{ org_unit: { id: string } }>(request, token, '/api/v1/me');
  const contact = await apiPost<{ id: string; client_id: string; client_code: string }>(
    request,
    token,
    '/api/v1/contacts',
    {
      contacted_on: todayIso(),
      org_unit_id: me.org_unit.id,
      place: 'office',
      new_client: { sex: 'female', birth_year: 1996, group: 'establishment_worker' },
      topics: ['legal'],
      needs: ['legal_counselling'],
    },
  );
  const code = contact.client_code;

  await loginPage.goto();
  await loginPage.login('canbo.badinh', DEMO_PASSWORD);
  await page.goto(`/clients/${contact.client_id}`);
  await expect(page.getByTestId('client-code')).toHaveText(code);
  const row = page.getByTestId('client-timeline').getByTestId('contact-row').first();
  await expect(row).toContainText('Trần Văn Minh'); // recorded_by_name
  await row.getByTestId('contact-refer').click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${contact.id}/refer$`));

  const refer = new ReferFromContactPage(page);
  await refer.chooseProvider('legal_counselling', LEGAL_AID_HANOI);
  await refer.submit();
  await expect(refer.createdReferrals()).toHaveCount(1);
  await expect(refer.createdReferrals().first()).toContainText('Đã gửi');
  const referralUrl = await refer.createdReferrals().first().getAttribute('href');
  expect(referralUrl).toMatch(/^\/referrals\/[0-9a-f-]+$/);
  await shell.logout();

  // The legal-aid centre's user starts on its inbox and answers there.
  await loginPage.login('phaply.hanoi', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/referrals\/inbox$/);
  const inbox = new ReferralInboxPage(page);
  await expect(inbox.card(code)).toHaveCount(1);
  await expect(inbox.card(code)).toContainText('Tư vấn pháp lý');
  await inbox.transition(code, 'accepted');
  await expect(inbox.card(code)).toHaveCount(0);
  await inbox.tab('accepted').click();
  await expect(inbox.card(code)).toHaveCount(1);
  await inbox.transition(code, 'completed', 'Đã tư vấn về hợp đồng lao động');
  await expect(inbox.card(code)).toHaveCount(0);
  await inbox.tab('closed').click();
  await expect(inbox.card(code)).toContainText('Đã tư vấn về hợp đồng lao động');
  await shell.logout();

  // The case worker follows it to its outcome.
  await loginPage.login('canbo.badinh', DEMO_PASSWORD);
  await page.goto(referralUrl!);
  const detail = new ReferralDetailPage(page);
  await expect(detail.status()).toHaveAttribute('data-status', 'completed');
  await expect(detail.timelineStatuses().last()).toHaveAttribute('data-status', 'completed');
  const statuses = await detail.timelineStatuses().evaluateAll((els) => els.map((e) => e.getAttribute('data-status')));
  expect(statuses.slice(-2)).toEqual(['accepted', 'completed']);
  // The provider's user is named in the history (by full name, or username where the API gives that).
  await expect(page.getByTestId('referral-timeline')).toContainText(/Hoàng Thị Ngọc|phaply.hanoi/);
  await expect(page.getByTestId('referral-details')).toContainText('Đã tư vấn về hợp đồng lao động');
});
