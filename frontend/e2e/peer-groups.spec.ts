import { DEMO_PASSWORD, expect, randomSuffix, test } from './fixtures';

// Case worker (peer_groups:write): creates a peer group, adds a leader and a member, records that the
// member left, and sees one active member left in the group.

test('case worker creates a peer group, adds members and records that one left', async ({ page, loginPage, shell }) => {
  await loginPage.goto();
  await loginPage.login('canbo.badinh', DEMO_PASSWORD);
  await shell.open('peer-groups');
  await expect(page).toHaveURL(/\/peer-groups$/);

  // The group, in the case worker's own unit (prefilled in the org-unit picker).
  const name = `Nhóm thử nghiệm ${randomSuffix()}`;
  await page.getByTestId('peer-group-new').click();
  await expect(page).toHaveURL(/\/peer-groups\/new$/);
  await page.getByTestId('group-name').fill(name);
  await page.getByTestId('group-kind').selectOption('worker_group');
  await page.getByTestId('group-established-on').fill('2025-03-01');
  await expect(page.getByTestId('group-org-unit').getByRole('combobox')).not.toHaveValue('');
  await page.getByTestId('group-submit').click();
  await expect(page).toHaveURL(/\/peer-groups\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByTestId('peer-group-details')).toContainText('Nhóm người lao động');
  await expect(page.getByTestId('member-add')).toBeVisible();

  // A leader and a member.
  const members = [
    { name: 'Nguyễn Thị Lan', role: 'leader', joined: '2025-03-01' },
    { name: 'Phạm Thị Bình', role: 'member', joined: '2025-03-15' },
  ];
  for (const m of members) {
    await page.getByTestId('member-add').click();
    await page.getByTestId('member-name').fill(m.name);
    await page.getByTestId('member-role-select').selectOption(m.role);
    await page.getByTestId('member-joined-on').fill(m.joined);
    await page.getByTestId('member-submit').click();
    await expect(page.getByTestId('member-form')).toHaveCount(0);
  }
  const rows = page.getByTestId('member-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Nguyễn Thị Lan' }).getByTestId('member-role')).toHaveText('Trưởng nhóm');
  await expect(page.getByTestId('peer-group-details')).toContainText(/Thành viên hiện tại\s*2/);

  // The member leaves: edited with If-Match, recorded with the day she left.
  await rows.filter({ hasText: 'Phạm Thị Bình' }).getByTestId('member-edit').click();
  await expect(page.getByTestId('member-name')).toHaveValue('Phạm Thị Bình');
  await page.getByTestId('member-left-on').fill('2025-09-30');
  await page.getByTestId('member-submit').click();
  await expect(page.getByTestId('member-form')).toHaveCount(0);

  // One active member: those who left are hidden unless asked for.
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Nguyễn Thị Lan');
  await expect(page.getByTestId('peer-group-details')).toContainText(/Thành viên hiện tại\s*1/);
  await page.getByText('Hiện cả người đã rời nhóm').click();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Phạm Thị Bình' })).toContainText('30/09/2025');

  // The list shows the group with its one current member.
  await page.getByRole('link', { name: /Danh sách nhóm/ }).click();
  await expect(page.getByTestId('peer-group-row').filter({ hasText: name })).toContainText('1 thành viên');
});
