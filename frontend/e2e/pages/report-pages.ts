import { expect, type Locator, type Page } from '@playwright/test';

/** Chooses a period in a PeriodPicker: kind, then which one, then the year. */
export async function pickPeriod(
  picker: Locator,
  kind: 'month' | 'quarter' | 'half_year' | 'year',
  index: number,
  year: number,
) {
  const testId = await picker.getAttribute('data-testid');
  await picker.getByTestId(`${testId}-kind`).selectOption(kind);
  if (kind !== 'year') await picker.getByTestId(`${testId}-index`).selectOption(String(index));
  await picker.getByTestId(`${testId}-year`).selectOption(String(year));
}

export class ReportListPage {
  constructor(private readonly page: Page) {}

  row(unit: string, period: string) {
    return this.page.locator(`[data-testid="report-row"][data-unit="${unit}"][data-period="${period}"]`);
  }

  async open(unit: string, period: string) {
    await this.row(unit, period).getByTestId('report-link').click();
    await expect(this.page.getByTestId('report-heading')).toContainText(unit);
  }

  /** Opens the new-report form, checks it starts on the user's own unit, and creates the report for a quarter. */
  async create(ownUnit: string, quarter: number, year: number) {
    await this.page.getByTestId('report-new').click();
    const form = this.page.getByTestId('report-form');
    await expect(form.getByTestId('report-org-unit').getByRole('combobox')).toHaveValue(new RegExp(ownUnit));
    await pickPeriod(form.getByTestId('report-period'), 'quarter', quarter, year);
    await form.getByTestId('report-submit').click();
    await expect(this.page.getByTestId('report-created')).toBeVisible();
  }

  overdueRow(unit: string) {
    return this.page.locator(`[data-testid="overdue-row"][data-unit="${unit}"]`);
  }
}

export class ReportPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByTestId('report-heading');
  }

  status() {
    return this.page.getByTestId('report-status').first();
  }

  frozenNote() {
    return this.page.getByTestId('frozen-note');
  }

  reviewComment() {
    return this.page.getByTestId('review-comment');
  }

  historyEntries() {
    return this.page.getByTestId('report-history').getByTestId('timeline-entry');
  }

  /** The total of an indicator as shown in the values table ("86", "40,9%", "<5"). */
  total(code: string) {
    return this.page.locator(`[data-testid="value-row"][data-code="${code}"]`).getByTestId('value-total');
  }

  async editComment(text: string) {
    await this.page.getByTestId('comment-edit').click();
    await this.page.getByTestId('comment-input').fill(text);
    await this.page.getByTestId('comment-save').click();
    await expect(this.page.getByTestId('comment-saved')).toBeVisible();
    await expect(this.page.getByTestId('report-comment-text')).toHaveText(text);
  }

  /** Presses an action (submit, approve, return), writes the comment if any, and confirms. */
  async act(action: 'submit' | 'approve' | 'return', comment?: string) {
    await this.page.getByTestId(`action-${action}`).click();
    if (comment !== undefined) await this.page.getByTestId('action-comment').fill(comment);
    await this.page.getByTestId('action-confirm').click();
  }

  async expectStatus(status: string) {
    await expect(this.status()).toHaveAttribute('data-status', status);
  }

  /** Downloads the workbook and returns where Playwright saved it. */
  async downloadXlsx(): Promise<{ path: string; name: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByTestId('report-export').click();
    const file = await download;
    expect(await file.failure()).toBeNull();
    return { path: await file.path(), name: file.suggestedFilename() };
  }
}

export class DashboardPage {
  constructor(private readonly page: Page) {}

  /** The whole province is computed live: give it longer than a usual page. */
  async waitLoaded() {
    await expect(this.page.getByTestId('dashboard')).toBeVisible({ timeout: 45_000 });
  }

  cards() {
    return this.page.getByTestId('indicator-card');
  }

  cascadeSteps() {
    return this.page.getByTestId('cascade-step');
  }

  cascadeRate() {
    return this.page.getByTestId('cascade-rate-text');
  }

  unitRows() {
    return this.page.getByTestId('unit-row');
  }

  /** Every count the page writes out: cards, cascade, trend and the units table (rates and money excluded). */
  async countFigures(): Promise<string[]> {
    return this.page
      .locator('[data-testid="dashboard"] .figure')
      .evaluateAll((nodes) =>
        nodes
          .filter((n) => !/_(rate|vnd)$/.test(n.getAttribute('data-code') ?? ''))
          .map((n) => (n.textContent ?? '').trim()),
      );
  }
}
