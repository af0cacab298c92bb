import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, expect, randomSuffix, test } from './fixtures';
import { ImportPage } from './pages/import-page';

// The office moves its Excel register in (issue #8): template → the template filled with two bad rows → the dry run
// names row, column and reason → fix → import → the rows are in the list; importing again changes nothing.

// The officer fills the downloaded template in Excel; here openpyxl (from the project's venv) types the rows.
const HERE = dirname(fileURLToPath(import.meta.url));
const PYTHON = resolve(HERE, '../../.venv/bin/python');
const FILL = resolve(HERE, 'support/fill_template.py');

function register(suffix: string, broken: boolean): Record<string, string>[] {
  const base = { 'Đơn vị hành chính': 'Phường Ba Đình', 'Số lao động nữ': '4' };
  return [
    {
      ...base,
      'Mã tham chiếu': `CS-${suffix}-1`,
      'Tên cơ sở': `Karaoke Ánh Trăng ${suffix}`,
      'Loại hình': 'Karaoke',
      'Chủ cơ sở': 'Nguyễn Thị Hạnh',
      'Ngày ký cam kết': '15/03/2026',
    },
    {
      ...base,
      'Mã tham chiếu': `CS-${suffix}-2`,
      'Tên cơ sở': `Xông hơi Suối Mơ ${suffix}`,
      'Loại hình': broken ? 'Xông hơi đá muối' : 'Xoa bóp, xông hơi',
      'Đơn vị hành chính': 'ba dinh',
      'Chủ cơ sở': 'Trần Văn Tú',
      'Ngày ký cam kết': '2026-04-01',
    },
    {
      ...base,
      'Mã tham chiếu': `CS-${suffix}-3`,
      'Tên cơ sở': `Nhà nghỉ Hoa Đào ${suffix}`,
      'Loại hình': 'Khách sạn, nhà nghỉ',
      'Chủ cơ sở': 'Lê Thị Đào',
    },
    {
      ...base,
      'Mã tham chiếu': `CS-${suffix}-4`,
      'Tên cơ sở': `Quán bar Gió Đông ${suffix}`,
      'Loại hình': 'Quán bar, vũ trường',
      'Chủ cơ sở': 'Phạm Đức Anh',
      'Ngày ký cam kết': broken ? '31/02/2026' : '28/02/2026',
    },
  ];
}

function fill(template: string, out: string, rows: Record<string, string>[]): string {
  execFileSync(PYTHON, [FILL, template, out, JSON.stringify(rows)]);
  return out;
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
  const work = await mkdtemp(join(tmpdir(), 'donghanh-e2e-'));
  const templatePath = join(work, template.suggestedFilename());
  await template.saveAs(templatePath);

  // Two bad rows: an establishment type that is not in the list, and 31 February.
  await imports.attach(fill(templatePath, join(work, 'so-theo-doi.xlsx'), register(suffix, true)));
  await imports.check();
  await imports.expectOutcome('dryRunErrors');
  await expect(imports.errorRows()).toHaveCount(2);
  await expect(imports.errorRows().nth(0).getByRole('cell').first()).toHaveText('4');
  await expect(imports.errorRows().nth(0)).toContainText('Loại hình');
  await expect(imports.errorRows().nth(0)).toContainText('không có trong danh mục');
  await expect(imports.errorRows().nth(1).getByRole('cell').first()).toHaveText('6');
  await expect(imports.errorRows().nth(1)).toContainText('Ngày ký cam kết');
  await expect(imports.errorRows().nth(1)).toContainText('không phải là ngày');
  await expect(page.getByTestId('count-created')).toHaveText('2');

  // Fixed: the dry run is clean, then the real import writes all four.
  await imports.attach(fill(templatePath, join(work, 'so-theo-doi-da-sua.xlsx'), register(suffix, false)));
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
