import { DEMO_PASSWORD, expect, test } from './fixtures';

test('on a 360 px phone the menu collapses and the list is usable', async ({ page, loginPage, shell }) => {
  await loginPage.goto();
  await loginPage.login('qlhanoi', DEMO_PASSWORD);
  await expect(page.getByTestId('menu-button')).toBeVisible();
  await expect(shell.navLink('establishments')).toBeHidden();
  await shell.open('establishments');
  await expect(page.getByTestId('establishment-row').first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
