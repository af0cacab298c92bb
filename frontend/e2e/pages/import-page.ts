import { expect, type Download, type Page } from '@playwright/test';

export class ImportPage {
  constructor(private readonly page: Page) {}

  async choose(resource: string) {
    await this.page.getByTestId('import-resource').selectOption(resource);
  }

  async downloadTemplate(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('import-template').click();
    return download;
  }

  async attach(path: string) {
    await this.page.getByTestId('import-file').setInputFiles(path);
  }

  async check() {
    await this.page.getByTestId('import-check').click();
  }

  async run() {
    await this.page.getByTestId('import-run').click();
  }

  summary() {
    return this.page.getByTestId('import-summary');
  }

  errorRows() {
    return this.page.getByTestId('import-error');
  }

  async expectOutcome(outcome: 'dryRunOk' | 'dryRunErrors' | 'imported' | 'rejected') {
    await expect(this.summary()).toHaveAttribute('data-outcome', outcome);
  }
}
