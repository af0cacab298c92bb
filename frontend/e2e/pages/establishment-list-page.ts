import { expect, type Page } from '@playwright/test';

export class EstablishmentListPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/establishments');
    await expect(this.page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  async startCreate() {
    await this.page.getByTestId('establishment-new').click();
  }

  async search(text: string) {
    await this.page.getByTestId('establishment-search').fill(text);
  }

  row(name: string) {
    return this.page.getByTestId('establishment-row').filter({ hasText: name });
  }

  async open(name: string) {
    await this.row(name).getByRole('link', { name }).click();
  }
}
