import { describe, expect, it } from 'vitest';
import type { Permission } from '@/lib/can';
import { firstAllowedPath, navItemsFor } from '../nav';

const has = (granted: Permission[]) => (p: Permission) => granted.includes(p);

describe('landing page from GET /me `home`', () => {
  it('opens the referral inbox for a partner whose home is referral_inbox', () => {
    expect(firstAllowedPath(has(['referrals:read', 'referrals:write']), 'referral_inbox')).toBe('/referrals/inbox');
  });

  it('opens the contact entry for contact_entry and the register for establishments', () => {
    expect(firstAllowedPath(has(['contacts:write', 'contacts:read']), 'contact_entry')).toBe('/contacts/new');
    expect(firstAllowedPath(has(['establishments:read', 'contacts:read']), 'establishments')).toBe('/establishments');
  });

  it('falls back to the first screen allowed when home is generic, and to the welcome page with nothing', () => {
    expect(firstAllowedPath(has(['victim_statistics:read']), 'home')).toBe('/victim-statistics');
    expect(firstAllowedPath(has([]), 'home')).toBe('/welcome');
  });

  it('shows the inbox instead of the board to a partner, and the board to a case worker', () => {
    const perms = has(['referrals:read', 'referrals:write']);
    const partner = navItemsFor(perms, 'referral_inbox').map((i) => i.to);
    const worker = navItemsFor(perms, 'establishments').map((i) => i.to);
    expect(partner).toContain('/referrals/inbox');
    expect(partner).not.toContain('/referrals');
    expect(worker).toContain('/referrals');
    expect(worker).not.toContain('/referrals/inbox');
  });
});

describe('plans and budget navigation', () => {
  it('shows plans and execution to a finance officer, and only the execution overview to a viewer', () => {
    const finance = navItemsFor(has(['plans:read', 'plans:write', 'budget_execution:read', 'activities:read']), 'home');
    expect(finance.map((i) => i.to)).toEqual(expect.arrayContaining(['/plans', '/budget-execution']));
    const viewer = navItemsFor(has(['victim_statistics:read', 'budget_execution:read']), 'home').map((i) => i.to);
    expect(viewer).toContain('/budget-execution');
    expect(viewer).not.toContain('/plans');
  });
});

describe('dashboard and reports navigation', () => {
  const viewer = has(['indicators:read', 'reports:read', 'victim_statistics:read', 'budget_execution:read']);

  it('opens the dashboard for leadership, whose home is generic', () => {
    expect(firstAllowedPath(viewer, 'home')).toBe('/dashboard');
    expect(navItemsFor(viewer, 'home').map((i) => i.to)).toEqual(
      expect.arrayContaining(['/dashboard', '/reports', '/victim-statistics', '/budget-execution']),
    );
  });

  it('keeps a case worker on her own home screen, with the dashboard and reports in the menu', () => {
    const worker = has(['establishments:read', 'indicators:read', 'reports:read', 'reports:write']);
    expect(firstAllowedPath(worker, 'establishments')).toBe('/establishments');
    expect(navItemsFor(worker, 'establishments').map((i) => i.to)).toEqual(
      expect.arrayContaining(['/dashboard', '/reports']),
    );
  });

  it('shows neither to a role without indicators or reports', () => {
    const inspector = navItemsFor(has(['establishments:read', 'inspections:read']), 'establishments').map((i) => i.to);
    expect(inspector).not.toContain('/dashboard');
    expect(inspector).not.toContain('/reports');
  });
});
