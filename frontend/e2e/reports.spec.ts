import { DEMO_PASSWORD, expect, test } from './fixtures';
import { ReportListPage, ReportPage } from './pages/report-pages';
import { readSheet, rowWith } from './xlsx';

// Issue #7: a commune's quarterly report goes up to the province, is returned with a comment, submitted
// again and approved; the office workbook carries the figure the page shows.

const UNIT = 'Phường Ba Đình';
const PERIOD = '2026Q4';
const RETURN_NOTE = 'Đề nghị bổ sung giải thích số người có nhu cầu chưa được giới thiệu.';

test('commune officer submits the quarterly report, the province returns it, it is resubmitted, approved and downloaded', async ({
  page,
  loginPage,
  shell,
}) => {
  const list = new ReportListPage(page);
  const report = new ReportPage(page);

  // The commune officer opens the 2026 Q4 report of her ward: a draft whose figures follow the records.
  await loginPage.goto();
  await loginPage.login('canbo.badinh', DEMO_PASSWORD);
  await shell.open('reports');
  await list.create(UNIT, 4, 2026);
  await expect(report.heading()).toHaveText(`Báo cáo Quý IV/2026 — ${UNIT}`);
  await report.expectStatus('draft');
  await expect(page.getByTestId('report-due')).toHaveText('10/12/2026');
  await expect(report.frozenNote()).toHaveText('Số liệu đang cập nhật theo hồ sơ cho đến khi bạn gửi báo cáo.');
  await expect(page.getByTestId('value-row')).toHaveCount(20);
  await report.editComment('Quý IV: tăng cường tiếp cận tại các cơ sở massage, karaoke trên địa bàn.');

  // She submits it: the figures freeze.
  await report.act('submit');
  await report.expectStatus('submitted');
  await expect(report.frozenNote()).toContainText('Số liệu đã chốt lúc');
  await expect(page.getByTestId('comment-edit')).toHaveCount(0);
  await shell.logout();

  // The province officer finds it in the list and returns it: a return must say why.
  await loginPage.login('qlhanoi', DEMO_PASSWORD);
  await shell.open('reports');
  await expect(list.row(UNIT, PERIOD)).toHaveAttribute('data-status', 'submitted');
  await list.open(UNIT, PERIOD);
  await page.getByTestId('action-return').click();
  await page.getByTestId('action-confirm').click();
  await expect(page.getByTestId('action-form').locator('.field__error')).toBeVisible();
  await page.getByTestId('action-comment').fill(RETURN_NOTE);
  await page.getByTestId('action-confirm').click();
  await report.expectStatus('returned');
  await expect(report.historyEntries()).toHaveCount(3); // created, submitted, returned
  await shell.logout();

  // The commune officer sees the comment and submits again.
  await loginPage.login('canbo.badinh', DEMO_PASSWORD);
  await shell.open('reports');
  await expect(list.row(UNIT, PERIOD)).toHaveAttribute('data-status', 'returned');
  await list.open(UNIT, PERIOD);
  await expect(report.reviewComment()).toContainText(RETURN_NOTE);
  await expect(report.frozenNote()).toHaveText('Số liệu đang cập nhật theo hồ sơ cho đến khi bạn gửi báo cáo.');
  await expect(page.getByTestId('action-submit')).toHaveText('Gửi lại báo cáo');
  await report.act('submit');
  await report.expectStatus('submitted');
  await shell.logout();

  // The province officer approves it; the overdue panel counts it in.
  await loginPage.login('qlhanoi', DEMO_PASSWORD);
  await shell.open('reports');
  await list.open(UNIT, PERIOD);
  await report.act('approve', 'Đồng ý.');
  await report.expectStatus('approved');
  await expect(report.historyEntries()).toHaveCount(5);
  await expect(report.historyEntries().last()).toContainText('Đồng ý.');
  await expect(page.getByTestId('action-approve')).toHaveCount(0);

  // The office workbook carries the figure on the page.
  const shown = (await report.total('people_reached').textContent())?.trim() ?? '';
  expect(shown).toMatch(/^\d{1,3}(\.\d{3})*$/);
  const file = await report.downloadXlsx();
  expect(file.name).toBe('bao-cao-Phuong-Ba-Dinh-2026Q4.xlsx');
  const sheet = readSheet(file.path);
  expect(sheet.get(1)?.get('A')).toBe('BÁO CÁO KẾT QUẢ — PHƯỜNG BA ĐÌNH — QUÝ IV/2026');
  const row = rowWith(sheet, 'B', 'Số người được tiếp cận');
  expect(row?.get('C')).toBe(shown.replace(/\./g, ''));

  // Back on the list: Ba Đình counts as handed in for the quarter.
  await shell.open('reports');
  await expect(list.overdueRow(UNIT)).toHaveAttribute('data-status', 'approved');

  // The consolidated province report adds up the approved report.
  await page.getByTestId('consolidation-link').click();
  const consolidated = page.locator('[data-testid="consolidation-row"][data-code="people_reached"]');
  await expect(consolidated.getByTestId('consolidated-value')).toHaveText(shown);
  const download = page.waitForEvent('download');
  await page.getByTestId('consolidation-export').click();
  const workbook = readSheet(await (await download).path());
  expect(rowWith(workbook, 'B', 'Số người được tiếp cận')?.get('C')).toBe(shown.replace(/\./g, ''));
});
