import { expect, type Page } from '@playwright/test';
import { pickOrgUnit } from './org-unit-picker';

export interface UserInput {
  username: string;
  fullName: string;
  password: string;
  role: string;
  orgUnitSearch: string;
  orgUnitOption: RegExp;
}

export class UsersPage {
  constructor(private readonly page: Page) {}

  async create(input: UserInput) {
    await this.page.getByTestId('user-new').click();
    await expect(this.page.getByTestId('user-form')).toBeVisible();
    await this.page.getByTestId('field-username').fill(input.username);
    await this.page.getByTestId('field-full-name').fill(input.fullName);
    await this.page.getByTestId('field-password').fill(input.password);
    await this.page.getByTestId('field-role').selectOption(input.role);
    await pickOrgUnit(this.page, this.page.getByTestId('field-org-unit'), input.orgUnitSearch, input.orgUnitOption);
    await this.page.getByTestId('user-submit').click();
  }

  row(username: string) {
    return this.page.getByTestId('user-row').filter({ hasText: username });
  }

  async search(text: string) {
    await this.page.getByTestId('user-search').fill(text);
  }
}
