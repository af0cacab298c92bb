import { test as base, expect } from '@playwright/test';
import { CHROMIUM_PATH, HAS_CHROMIUM } from '../playwright.config';
import { AppShell } from './pages/app-shell';
import { AuditPage } from './pages/audit-page';
import { EstablishmentDetailPage } from './pages/establishment-detail-page';
import { EstablishmentFormPage } from './pages/establishment-form-page';
import { EstablishmentListPage } from './pages/establishment-list-page';
import { LoginPage } from './pages/login-page';
import { UsersPage } from './pages/users-page';

export const DEMO_PASSWORD = process.env.E2E_DEMO_PASSWORD ?? 'donghanh-demo';

interface Pages {
  loginPage: LoginPage;
  shell: AppShell;
  establishmentList: EstablishmentListPage;
  establishmentForm: EstablishmentFormPage;
  establishmentDetail: EstablishmentDetailPage;
  usersPage: UsersPage;
  auditPage: AuditPage;
}

export const test = base.extend<Pages & { requireBrowser: void }>({
  requireBrowser: [
    async ({}, use, testInfo) => {
      testInfo.skip(
        !HAS_CHROMIUM,
        `Chromium not found at ${CHROMIUM_PATH} (install it with "apt-get install chromium" or set CHROMIUM_PATH); browser tests skipped`,
      );
      await use();
    },
    { auto: true },
  ],
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  shell: async ({ page }, use) => use(new AppShell(page)),
  establishmentList: async ({ page }, use) => use(new EstablishmentListPage(page)),
  establishmentForm: async ({ page }, use) => use(new EstablishmentFormPage(page)),
  establishmentDetail: async ({ page }, use) => use(new EstablishmentDetailPage(page)),
  usersPage: async ({ page }, use) => use(new UsersPage(page)),
  auditPage: async ({ page }, use) => use(new AuditPage(page)),
});

export { expect };

export function randomSuffix(): string {
  return Math.random().toString(36).slice(2, 8);
}
