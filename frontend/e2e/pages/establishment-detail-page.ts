import { expect, type Page } from '@playwright/test';

export interface InspectionInput {
  inspectedOn?: string;
  violations: string[];
  fine: string;
  findings?: string;
}

export class EstablishmentDetailPage {
  constructor(private readonly page: Page) {}

  title() {
    return this.page.getByTestId('establishment-title');
  }

  details() {
    return this.page.getByTestId('establishment-details');
  }

  async recordInspection(input: InspectionInput) {
    await this.page.getByTestId('inspection-new').click();
    const form = this.page.getByTestId('inspection-form');
    await expect(form).toBeVisible();
    if (input.inspectedOn) await this.page.getByTestId('field-inspected-on').fill(input.inspectedOn);
    for (const code of input.violations) await this.page.getByTestId(`violation-${code}`).check();
    await this.page.getByTestId('field-fine-amount').fill(input.fine);
    if (input.findings) await this.page.getByTestId('field-findings').fill(input.findings);
    await this.page.getByTestId('inspection-submit').click();
    await expect(form).toBeHidden();
  }

  inspections() {
    return this.page.getByTestId('inspection-item');
  }
}
