import type { Locator, Page } from '@playwright/test';

export async function pickOrgUnit(page: Page, picker: Locator, search: string, option: RegExp) {
  const input = picker.getByRole('combobox');
  await input.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}
