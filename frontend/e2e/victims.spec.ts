import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, test } from './fixtures';

// Hotline 111 report → identification and reception → support → referral → statistics (issue #5).

async function statCell(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).getByTestId('bar-value').textContent())?.trim() ?? '';
  return /^\d+$/.test(text) ? Number(text) : 0;
}

async function readStats(page: Page) {
  await page.goto('/victim-statistics');
  await expect(page.getByTestId('victim-statistics')).toBeVisible();
  const identified = Number((await page.getByTestId('stat-identified').getByTestId('kpi-value').textContent())?.trim());
  const read = async (id: string) => ((await page.getByTestId(id).count()) ? statCell(page, id) : Promise.resolve(0));
  return {
    identified,
    female: await read('stat-sex-female'),
    age: await read('stat-age_group-18-24'),
    forcedLabour: await read('stat-exploitation-forced_labour'),
    hotline: await read('stat-source-hotline_111'),
  };
}

test('case worker takes a hotline report, receives and supports her, refers her to vocational training; statistics count her', async ({
  page,
  loginPage,
}) => {
  await loginPage.goto();
  await loginPage.login('canbo.badinh', DEMO_PASSWORD);
  const before = await readStats(page);

  // Hotline intake on one screen.
  await page.goto('/victim-cases/new');
  await page.getByTestId('intake-sex-female').click();
  const birthYear = new Date().getFullYear() - 20; // 18-24
  await page.getByTestId('intake-birth-year').fill(String(birthYear));
  await page.getByTestId('intake-exploitation-forced_labour').click();
  await page.getByTestId('intake-country').fill('cn');
  await page.getByTestId('intake-notes').fill('Gọi từ Quảng Ninh, bị giữ giấy tờ tại xưởng may.');
  await page.getByTestId('intake-submit').click();
  await expect(page.getByTestId('intake-done')).toBeVisible();
  await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', 'under_identification');

  // Identification, then reception.
  for (const step of ['identified', 'received'] as const) {
    await page.getByTestId(`case-transition-${step}`).click();
    await page.getByTestId('case-transition-confirm').click();
    await expect(page.getByTestId('case-status')).toHaveAttribute('data-status', step);
  }

  // Two supports, in VND.
  const supports: [string, string][] = [
    ['essential_needs', '1.500.000'],
    ['psychological_counselling', '800000'],
  ];
  for (const [type, amount] of supports) {
    await page.getByTestId('support-new').click();
    await page.getByTestId('support-type').selectOption(type);
    await page.getByTestId('support-amount').fill(amount);
    await page.getByTestId('support-submit').click();
    await expect(page.getByTestId('support-form')).toHaveCount(0);
  }
  await expect(page.getByTestId('support-row')).toHaveCount(2);
  await expect(page.getByTestId('support-total')).toHaveText('2.300.000 ₫');

  // Referral to vocational training; she has not consented to sharing, so a legal basis is asked for.
  await page.getByTestId('case-refer').click();
  await page.getByTestId('referral-service').selectOption('vocational_training');
  const provider = page.getByTestId('referral-provider');
  await expect(provider.getByRole('option', { name: 'Hội Liên hiệp Phụ nữ Hà Nội' })).toBeAttached();
  await provider.selectOption({ label: 'Hội Liên hiệp Phụ nữ Hà Nội' });
  await page.getByTestId('referral-submit').click();
  // The API refuses (422 on legal_basis); the form then asks for the legal basis on the fields named.
  await expect(page.getByTestId('legal-basis')).toBeVisible();
  await page.getByTestId('field-legal-basis').fill('Luật Phòng, chống mua bán người 2024, Điều 3 khoản 10');
  await page.getByTestId('field-legal-basis-reason').fill('Hỗ trợ học nghề theo chế độ hỗ trợ nạn nhân');
  await page.getByTestId('referral-submit').click();
  const referralCards = page.getByTestId('case-referrals').getByTestId('referral-card');
  await expect(referralCards).toHaveCount(1);
  await expect(referralCards.first()).toContainText('Đào tạo nghề');
  await expect(referralCards.first()).toContainText('Hội Liên hiệp Phụ nữ Hà Nội');

  // She is counted once more in each of her cells.
  const after = await readStats(page);
  expect(after.identified).toBe(before.identified + 1);
  expect(after.female).toBe(before.female + 1);
  expect(after.age).toBe(before.age + 1);
  expect(after.forcedLabour).toBe(before.forcedLabour + 1);
  expect(after.hotline).toBe(before.hotline + 1);
});
