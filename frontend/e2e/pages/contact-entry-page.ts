import { expect, type Page } from '@playwright/test';

export class ContactEntryPage {
  constructor(readonly page: Page) {}

  form() {
    return this.page.getByTestId('contact-form');
  }

  async expectOpen() {
    await expect(this.form()).toBeVisible();
  }

  async place(code: 'establishment' | 'hotspot' | 'community' | 'online' | 'office') {
    await this.page.getByTestId(`place-${code}`).click();
  }

  async clientMode(mode: 'anonymous' | 'code' | 'new') {
    await this.page.getByTestId(`client-mode-${mode}`).click();
  }

  async toggle(prefix: 'topic' | 'need', code: string) {
    await this.page.getByTestId(`${prefix}-${code}`).click();
  }

  async addMaterial(code: string, times: number) {
    for (let i = 0; i < times; i += 1) await this.page.getByTestId(`material-${code}-plus`).click();
  }

  async submit() {
    await this.page.getByTestId('contact-submit').click();
  }

  outboxCount() {
    return this.page.getByTestId('outbox-count');
  }
}
