import { expect, type Page } from '@playwright/test';

export class ReferFromContactPage {
  constructor(private readonly page: Page) {}

  async chooseProvider(need: string, providerName: string) {
    const select = this.page.getByTestId(`refer-provider-${need}`);
    await expect(select.getByRole('option', { name: providerName })).toBeAttached();
    await select.selectOption({ label: providerName });
  }

  async submit() {
    await this.page.getByTestId('refer-submit').click();
    await expect(this.page.getByTestId('refer-done')).toBeVisible();
  }

  createdReferrals() {
    return this.page.getByTestId('created-referral');
  }
}

export class ReferralInboxPage {
  constructor(private readonly page: Page) {}

  tab(name: 'sent' | 'accepted' | 'closed') {
    return this.page.getByTestId(`inbox-tab-${name}`);
  }

  card(clientCode: string) {
    return this.page.getByTestId('referral-card').filter({ hasText: clientCode });
  }

  /** Presses a transition button on the card, fills the text the step asks for, and confirms. */
  async transition(clientCode: string, to: string, text?: string) {
    const card = this.card(clientCode);
    await card.getByTestId(`transition-${to}`).click();
    if (text) await card.getByTestId('transition-text').fill(text);
    await card.getByTestId('transition-confirm').click();
  }
}

export class ReferralDetailPage {
  constructor(private readonly page: Page) {}

  status() {
    return this.page.getByTestId('referral-status').first();
  }

  timelineStatuses() {
    return this.page.getByTestId('referral-timeline').getByTestId('timeline-status');
  }
}
