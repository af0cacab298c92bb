import { DEMO_PASSWORD, expect, randomSuffix, test } from './fixtures';

test.describe('programme manager', () => {
  test('registers an establishment, finds it without diacritics and records an inspection', async ({
    page,
    loginPage,
    shell,
    establishmentList,
    establishmentForm,
    establishmentDetail,
  }) => {
    const suffix = randomSuffix();
    const name = `Karaoke Hoa Sữa Test ${suffix}`;

    await loginPage.goto();
    await loginPage.login('qlhanoi', DEMO_PASSWORD);
    await shell.open('establishments');
    await expect(page).toHaveURL(/\/establishments$/);

    await establishmentList.startCreate();
    await establishmentForm.fill({
      name,
      type: 'karaoke',
      orgUnitSearch: 'ba dinh',
      orgUnitOption: /Phường Ba Đình — Thành phố Hà Nội/,
      address: 'Số 12, đường Hoàng Hoa Thám',
      commitmentSignedOn: '2025-03-15',
      riskLevel: 'high',
    });
    await establishmentForm.submit();

    await expect(establishmentDetail.title()).toHaveText(name);
    await expect(establishmentDetail.details()).toContainText('15/03/2025');
    await expect(establishmentDetail.details()).toContainText('Phường Ba Đình');

    await shell.open('establishments');
    await establishmentList.search(`hoa sua test ${suffix}`);
    await expect(establishmentList.row(name)).toHaveCount(1);
    await establishmentList.open(name);
    await expect(establishmentDetail.title()).toHaveText(name);

    await establishmentDetail.recordInspection({
      violations: ['no_labour_contract', 'fire_safety'],
      fine: '1.500.000',
      findings: 'Không ký hợp đồng lao động với 3 nhân viên nữ',
    });
    const inspection = establishmentDetail.inspections().first();
    await expect(inspection).toContainText('Không ký hợp đồng lao động');
    await expect(inspection).toContainText('Vi phạm phòng cháy chữa cháy');
    await expect(inspection.getByTestId('inspection-fine')).toContainText('1.500.000 ₫');

    await shell.logout();
    await expect(page).toHaveURL(/\/login/);
  });

  test('sees validation messages on the fields they concern, and is offered only units in scope', async ({
    page,
    loginPage,
    establishmentList,
    establishmentForm,
  }) => {
    await loginPage.goto();
    await loginPage.login('qlhanoi', DEMO_PASSWORD);
    await establishmentList.goto();
    await establishmentList.startCreate();
    await establishmentForm.submit();
    // Checked in the browser first: name and unit are required.
    await expect(establishmentForm.form().getByText('Trường này là bắt buộc.')).toBeVisible();
    await expect(establishmentForm.form().getByText('Vui lòng chọn đơn vị hành chính.')).toBeVisible();

    // A unit outside Hà Nội is not even offered (GET /org-units?in_scope=true); the API would refuse it.
    const unitInput = page.getByTestId('field-org-unit').getByRole('combobox');
    await unitInput.fill('ben thanh');
    await expect(page.getByText('Không tìm thấy đơn vị phù hợp.')).toBeVisible();
    await expect(page.getByRole('option', { name: /Thành phố Hồ Chí Minh/ })).toHaveCount(0);
    await unitInput.fill('ba dinh');
    await expect(page.getByRole('option', { name: /Phường Ba Đình — Thành phố Hà Nội/ }).first()).toBeVisible();
    await expect(page).toHaveURL(/\/establishments\/new$/);
  });
});

test('a programme manager edits an establishment (ETag / If-Match round trip)', async ({
  page,
  loginPage,
  establishmentList,
  establishmentDetail,
}) => {
  await loginPage.goto();
  await loginPage.login('qlhanoi', DEMO_PASSWORD);
  await establishmentList.goto();
  await page.getByTestId('establishment-row').first().getByRole('link').click();
  await expect(establishmentDetail.title()).toBeVisible();
  await page.getByTestId('establishment-edit').click();
  const workers = `${Math.floor(Math.random() * 90) + 10}`;
  await page.getByTestId('field-workers-female').fill(workers);
  await page.getByTestId('field-risk-level').selectOption('high');
  await page.getByTestId('establishment-submit').click();
  await expect(page).toHaveURL(/\/establishments\/[0-9a-f-]{36}$/);
  await expect(establishmentDetail.details().locator('[data-field="workers"]')).toContainText(`${workers} nữ`);
  await expect(establishmentDetail.details().locator('[data-field="risk_level"]')).toHaveText('Cao');
});

test.describe('administrator', () => {
  test('creates a user and finds the creation in the audit log', async ({
    page,
    loginPage,
    shell,
    usersPage,
    auditPage,
  }) => {
    const username = `e2e.${randomSuffix()}`;

    await loginPage.goto();
    await loginPage.login('admin', DEMO_PASSWORD);
    await shell.open('users');
    await usersPage.create({
      username,
      fullName: 'Trần Thị Kiểm Thử',
      password: 'mat-khau-an-toan-1',
      role: 'case_worker',
      orgUnitSearch: 'ba dinh',
      orgUnitOption: /Phường Ba Đình — Thành phố Hà Nội/,
    });
    await expect(page).toHaveURL(/\/users$/);
    await usersPage.search(username);
    await expect(usersPage.row(username)).toHaveCount(1);
    await usersPage.row(username).getByRole('link', { name: username }).click();
    await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}$/);
    const userId = page.url().split('/').pop()!;

    await shell.open('audit');
    await auditPage.filterByResourceId(userId);
    const row = auditPage.rows().filter({ hasText: 'create' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('user');

    // Deactivate the account again (PATCH with If-Match).
    await shell.open('users');
    await usersPage.search(username);
    await usersPage.row(username).getByRole('link', { name: username }).click();
    await page.getByTestId('field-active').uncheck();
    await page.getByTestId('user-submit').click();
    await expect(page).toHaveURL(/\/users$/);
    await usersPage.search(username);
    await expect(usersPage.row(username)).toContainText('Đã khóa');

    await shell.logout();
  });

  test('a wrong password is refused with a message', async ({ loginPage }) => {
    await loginPage.goto();
    await loginPage.page.getByTestId('login-username').fill('admin');
    await loginPage.page.getByTestId('login-password').fill('not-the-password');
    await loginPage.page.getByTestId('login-submit').click();
    await expect(loginPage.error()).toContainText('Tên đăng nhập hoặc mật khẩu không đúng.');
  });
});

test.describe('permissions and language', () => {
  test('an inspector sees establishments but not the admin pages', async ({ loginPage, shell }) => {
    await loginPage.goto();
    await loginPage.login('thanhtra.hanoi', DEMO_PASSWORD);
    await expect(shell.navLink('establishments')).toBeAttached();
    await expect(shell.navLink('users')).toHaveCount(0);
    await expect(shell.navLink('audit')).toHaveCount(0);
  });

  test('the language toggle switches to English and survives a reload', async ({ page, loginPage }) => {
    await loginPage.goto();
    await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
    await page.getByTestId('lang-en').click();
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await page.getByTestId('lang-vi').click();
  });

  test('the session survives a page reload (refresh cookie)', async ({ page, loginPage }) => {
    await loginPage.goto();
    await loginPage.login('canbo.badinh', DEMO_PASSWORD);
    await page.reload();
    await expect(page.getByTestId('current-user')).toBeAttached();
    await expect(page).not.toHaveURL(/\/login/);
  });
});
