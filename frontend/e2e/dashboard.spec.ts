import { DEMO_PASSWORD, expect, test } from './fixtures';
import { DashboardPage } from './pages/report-pages';

// Leadership (aggregate figures only) lands on the dashboard: cards, cascade against the target, the units
// below — and never a count from 1 to 4.

test('leadership sees the dashboard of Hà Nội with small counts hidden', async ({ page, loginPage }) => {
  const dashboard = new DashboardPage(page);
  await loginPage.goto();
  await loginPage.login('lanhdao.hanoi', DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await dashboard.waitLoaded();
  await expect(page.getByTestId('dashboard-subtitle')).toHaveText(/^Thành phố Hà Nội · Quý (I|II|III|IV)\/\d{4}$/);
  await expect(page.getByTestId('suppressed-notice')).toContainText('Số nhỏ hơn 5 được ẩn để bảo vệ danh tính');

  await expect(dashboard.cards()).toHaveCount(8);
  await expect(dashboard.cascadeSteps()).toHaveCount(4);
  await expect(dashboard.cascadeRate()).toHaveText(/^(\d{1,3}(,\d)?%|—) \/ mục tiêu \d{1,3}(,\d)?%$/);
  await expect(dashboard.unitRows().first()).toBeVisible();
  await expect(page.getByTestId('trend').locator('svg.trend__svg')).toBeVisible();

  const counts = await dashboard.countFigures();
  expect(counts.length).toBeGreaterThan(20);
  for (const text of counts)
    expect(text, `a count on the dashboard: "${text}"`).toMatch(/^(0|[5-9]|\d{2,}|\d{1,3}(\.\d{3})+|<5|ẩn|—)$/);

  // The units table sorts by a column, both ways.
  const header = page.getByTestId('sort-people_reached').locator('xpath=..');
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await page.getByTestId('sort-people_reached').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
});
