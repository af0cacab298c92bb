import type { Page } from '@playwright/test';
import { pickOrgUnit } from './org-unit-picker';

export interface EstablishmentInput {
  name: string;
  type: string;
  orgUnitSearch: string;
  orgUnitOption: RegExp;
  address?: string;
  commitmentSignedOn?: string;
  riskLevel?: 'low' | 'medium' | 'high';
}

export class EstablishmentFormPage {
  constructor(private readonly page: Page) {}

  form() {
    return this.page.getByTestId('establishment-form');
  }

  async fill(input: EstablishmentInput) {
    await this.page.getByTestId('field-name').fill(input.name);
    await this.page.getByTestId('field-type').selectOption(input.type);
    await pickOrgUnit(this.page, this.page.getByTestId('field-org-unit'), input.orgUnitSearch, input.orgUnitOption);
    if (input.address) await this.page.getByTestId('field-address').fill(input.address);
    if (input.commitmentSignedOn)
      await this.page.getByTestId('field-commitment-signed-on').fill(input.commitmentSignedOn);
    if (input.riskLevel) await this.page.getByTestId('field-risk-level').selectOption(input.riskLevel);
  }

  async submit() {
    await this.page.getByTestId('establishment-submit').click();
  }
}
