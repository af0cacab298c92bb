import { readFile } from 'node:fs/promises';
import { DEMO_PASSWORD, expect, randomSuffix, test } from './fixtures';
import { ImportPage } from './pages/import-page';

// The office moves its Excel register in (issue #8): template → filled file with two bad rows → the dry run
// names row, column and reason → fix → import → the rows are in the list; importing again changes nothing.

const HEADER = 'Mã tham chiếu;Tên cơ sở;Loại hình;Đơn vị hành chính;Địa chỉ;Chủ cơ sở;Số lao động nữ;Ngày ký cam kết';

function register(suffix: string, broken: boolean): string {
  const rows = [
    `CS-${suffix}-1;Karaoke Ánh Trăng ${suffix};Karaoke;Phường Ba Đình;12 Đội Cấn;Nguyễn Thị Hạnh;8;15/03/2026`,
    `CS-${suffix}-2;Xông hơi Suối Mơ ${suffix};${broken ? 'Xông hơi đá muối' : 'Xoa bóp, xông hơi'};ba dinh;3 Liễu Giai;Trần Văn Tú;5;2026-04-01`,
    `CS-${suffix}-3;Nhà nghỉ Hoa Đào ${suffix};Khách sạn, nhà nghỉ;Phường Ba Đình;27 Kim Mã;Lê Thị Đào;2;`,
    `CS-${suffix}-4;Quán bar Gió Đông ${suffix};Quán bar, vũ trường;Phường Ba Đình;5 Ngọc Hà;Phạm Đức Anh;6;${broken ? '31/02/2026' : '28/02/2026'}`,
  ];
  return `\ufeff${HEADER}\r\n${rows.join('\r\n')}\r\n\r\n`;
}

test('an office imports its establishment register: template, dry run with two bad rows, fix, import, see the rows', async ({
  page,
  loginPage,
  shell,
}) => {
  const imports = new ImportPage(page);
  const suffix = randomSuffix();
  await loginPage.goto();
  await loginPage.login('qlhanoi', DEMO_PASSWORD);
  await shell.open('imports');
  await expect(page).toHaveURL(/\/imports$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nhập dữ liệu từ tệp');

  await imports.choose('establishments');
  const template = await imports.downloadTemplate();
  expect(template.suggestedFilename()).toBe('mau-nhap-establishments.xlsx');
  const bytes = await readFile((await template.path()) ?? '');
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');

  // Two bad rows: an establishment type that is not in the list, and 31 February.
  await imports.attach('so-theo-doi.csv', register(suffix, true));
  await imports.check();
  await imports.expectOutcome('dryRunErrors');
  await expect(imports.errorRows()).toHaveCount(2);
  await expect(imports.errorRows().nth(0)).toContainText('3');
  await expect(imports.errorRows().nth(0)).toContainText('Loại hình');
  await expect(imports.errorRows().nth(0)).toContainText('không có trong danh mục');
  await expect(imports.errorRows().nth(1)).toContainText('5');
  await expect(imports.errorRows().nth(1)).toContainText('Ngày ký cam kết');
  await expect(imports.errorRows().nth(1)).toContainText('không phải là ngày');
  await expect(page.getByTestId('count-created')).toHaveText('2');

  // Fixed: the dry run is clean, then the real import writes all four.
  await imports.attach('so-theo-doi.csv', register(suffix, false));
  await imports.check();
  await imports.expectOutcome('dryRunOk');
  await imports.run();
  await imports.expectOutcome('imported');
  await expect(page.getByTestId('count-created')).toHaveText('4');

  // The same file again: nothing doubled.
  await imports.run();
  await imports.expectOutcome('imported');
  await expect(page.getByTestId('count-unchanged')).toHaveText('4');
  await expect(page.getByTestId('count-created')).toHaveText('0');

  await page.getByTestId('import-see-rows').click();
  await expect(page).toHaveURL(/\/establishments/);
  await page.getByTestId('establishment-search').fill(suffix);
  await expect(page.getByTestId('establishment-row')).toHaveCount(4);
  await expect(page.getByTestId('establishment-row').filter({ hasText: `Xông hơi Suối Mơ ${suffix}` })).toBeVisible();

  // The list exports with its filter.
  const exported = page.waitForEvent('download');
  await page.getByTestId('export-csv').click();
  const file = await exported;
  expect(file.suggestedFilename()).toMatch(/^establishments-.*\.csv$/);
  const text = await readFile((await file.path()) ?? '', 'utf-8');
  expect(text).toContain(`Karaoke Ánh Trăng ${suffix}`);
  expect(text.split('\n').filter((line) => line.includes(suffix))).toHaveLength(4);
});
