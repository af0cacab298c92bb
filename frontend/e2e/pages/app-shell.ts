import { expect, type Page } from '@playwright/test';

type Section =
  | 'establishments'
  | 'users'
  | 'organisations'
  | 'audit'
  | 'contact-new'
  | 'contacts'
  | 'clients'
  | 'peer-groups'
  | 'activities'
  | 'plans'
  | 'budget-execution'
  | 'imports'
  | 'dashboard'
  | 'reports';

export class AppShell {
  constructor(private readonly page: Page) {}

  /** Opens the collapsed menu first on narrow screens. */
  private async openMenuIfCollapsed() {
    const button = this.page.getByTestId('menu-button');
    if ((await button.isVisible()) && (await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  }

  navLink(section: Section) {
    return this.page.getByTestId(`nav-${section}`);
  }

  async open(section: Section) {
    await this.openMenuIfCollapsed();
    await this.navLink(section).click();
  }

  async logout() {
    await this.openMenuIfCollapsed();
    await this.page.getByTestId('logout').click();
    await expect(this.page.getByTestId('login-form')).toBeVisible();
  }
}
