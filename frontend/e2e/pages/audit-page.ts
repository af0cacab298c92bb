import type { Page } from '@playwright/test';

export class AuditPage {
  constructor(private readonly page: Page) {}

  async filterByResourceId(id: string) {
    await this.page.getByTestId('audit-resource-id').fill(id);
    await this.page.getByTestId('audit-apply').click();
  }

  rows() {
    return this.page.getByTestId('audit-row');
  }
}
