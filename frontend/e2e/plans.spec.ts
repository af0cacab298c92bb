import { DEMO_PASSWORD, expect, randomSuffix, test } from './fixtures';

// Finance officer: annual plan with targets → two budget lines → expenditures, one over the line's
// remainder (409, then recorded with a reason) → XLSX download (issue #6).

test('finance officer plans the year, records expenditures with an over-spend override and downloads the XLSX', async ({
  page,
  loginPage,
  shell,
}) => {
  await loginPage.goto();
  await loginPage.login('ketoan.hanoi', DEMO_PASSWORD);
  await shell.open('plans');
  await expect(page).toHaveURL(/\/plans/);

  // The plan, with one target.
  const number = `${randomSuffix()}/KH-UBND`;
  await page.getByTestId('plan-new').click();
  await page.getByTestId('plan-number').fill(number);
  await page.getByTestId('plan-title').fill('Kế hoạch thực hiện Chương trình phòng, chống mại dâm năm nay');
  await page.getByTestId('plan-legal-basis').fill('Quyết định 1629/QĐ-TTg ngày 23/12/2021');
  await page.getByTestId('target-add').click();
  await page.getByTestId('target-indicator-0').selectOption('people_reached');
  await page.getByTestId('target-value-0').fill('1200');
  await page.getByTestId('plan-submit').click();
  await expect(page.getByTestId('plan-created')).toBeVisible();
  await expect(page.getByTestId('plan-heading-number')).toHaveText(number);
  await expect(page.getByTestId('plan-status')).toHaveAttribute('data-status', 'draft');
  await expect(page.getByTestId('target-row')).toHaveCount(1);
  await expect(page.getByTestId('target-value')).toHaveText('1.200');
  // The indicator engine computes the actual value for the plan's unit and year (or hides a small cell).
  await expect(page.getByTestId('target-actual')).toHaveText(/^(\d{1,3}(\.\d{3})*|<5)$/);

  // Two budget lines.
  const lines = [
    {
      code: '1.1',
      title: 'Sinh hoạt nhóm đồng đẳng',
      category: 'peer_groups',
      source: 'provincial',
      amount: '10.000.000',
    },
    {
      code: '2.1',
      title: 'Đối thoại ba bên tại cơ sở',
      category: 'communication_dialogue',
      source: 'central',
      amount: '5000000',
    },
  ];
  for (const line of lines) {
    await page.getByTestId('line-new').click();
    await page.getByTestId('line-code').fill(line.code);
    await page.getByTestId('line-title').fill(line.title);
    await page.getByTestId('line-category').selectOption(line.category);
    await page.getByTestId('line-source').selectOption(line.source);
    await page.getByTestId('line-allocated').fill(line.amount);
    await page.getByTestId('line-submit').click();
    await expect(page.getByTestId('line-form')).toHaveCount(0);
  }
  await expect(page.getByTestId('line-row')).toHaveCount(2);
  await expect(page.getByTestId('totals-allocated')).toHaveText('15.000.000 ₫');

  // An expenditure within the line.
  await page.getByTestId('expenditure-new').click();
  const line11 = page.getByTestId('expenditure-line').locator('option', { hasText: '1.1 —' });
  await page.getByTestId('expenditure-line').selectOption((await line11.getAttribute('value')) ?? '');
  await page.getByTestId('expenditure-amount').fill('2.500.000');
  await page.getByTestId('expenditure-description').fill('Sinh hoạt nhóm tháng 1');
  await page.getByTestId('expenditure-voucher').fill('PC-001');
  await page.getByTestId('expenditure-submit').click();
  await expect(page.getByTestId('expenditure-form')).toHaveCount(0);
  await expect(page.getByTestId('expenditure-row')).toHaveCount(1);
  const first = page.locator('[data-testid="line-row"][data-code="1.1"]');
  await expect(first.getByTestId('line-spent')).toHaveText('2.500.000 ₫');
  await expect(first.getByTestId('line-execution-rate')).toHaveText('25%');

  // Over what line 2.1 has left: refused, the remainder shown, then recorded with a reason.
  await page.getByTestId('expenditure-new').click();
  const line21 = page.getByTestId('expenditure-line').locator('option', { hasText: '2.1 —' });
  await page.getByTestId('expenditure-line').selectOption((await line21.getAttribute('value')) ?? '');
  await page.getByTestId('expenditure-amount').fill('6.000.000');
  await page.getByTestId('expenditure-description').fill('Hội nghị đối thoại ba bên');
  const refused = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/expenditures') && r.request().method() === 'POST',
  );
  await page.getByTestId('expenditure-submit').click();
  expect((await refused).status()).toBe(409);
  await expect(page.getByTestId('overspend-alert')).toBeVisible();
  await expect(page.getByTestId('overspend-remaining')).toContainText('5.000.000 ₫');
  await expect(page.getByTestId('expenditure-row')).toHaveCount(1);
  await page.getByLabel('Lý do chi vượt dự toán').fill('Chi theo Quyết định bổ sung kinh phí số 12/QĐ-UBND');
  const accepted = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/expenditures') && r.request().method() === 'POST',
  );
  await page.getByTestId('override-submit').click();
  expect((await accepted).status()).toBe(201);
  await expect(page.getByTestId('expenditure-form')).toHaveCount(0);
  await expect(page.getByTestId('expenditure-row')).toHaveCount(2);
  await expect(page.getByTestId('expenditure-override')).toContainText('12/QĐ-UBND');
  const second = page.locator('[data-testid="line-row"][data-code="2.1"]');
  await expect(second.getByTestId('line-remaining')).toHaveText('-1.000.000 ₫');
  await expect(second.getByTestId('line-execution')).toHaveAttribute('data-level', 'over');
  await expect(second.getByTestId('line-execution-rate')).toContainText('120%');
  await expect(page.getByTestId('totals-spent')).toHaveText('8.500.000 ₫');

  // The workbook, fetched with the bearer token.
  const download = page.waitForEvent('download');
  await page.getByTestId('plan-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(await file.failure()).toBeNull();

  // The year's overview counts the plan.
  await shell.open('budget-execution');
  await expect(page.getByTestId('budget-execution')).toBeVisible();
  await expect(page.getByTestId('exec-by-source-central')).toBeVisible();
});
