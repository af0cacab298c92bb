import type { Permission } from '@/lib/can';

export interface NavItem {
  to: string;
  labelKey: 'nav.establishments' | 'nav.users' | 'nav.organisations' | 'nav.audit';
  permission: Permission;
  testId: string;
}

// Shown from GET /me permissions only; the SPA never decides by role.
export const NAV_ITEMS: NavItem[] = [
  {
    to: '/establishments',
    labelKey: 'nav.establishments',
    permission: 'establishments:read',
    testId: 'nav-establishments',
  },
  { to: '/users', labelKey: 'nav.users', permission: 'users:read', testId: 'nav-users' },
  {
    to: '/organisations',
    labelKey: 'nav.organisations',
    permission: 'organisations:read',
    testId: 'nav-organisations',
  },
  { to: '/audit', labelKey: 'nav.audit', permission: 'audit:read', testId: 'nav-audit' },
];

export function firstAllowedPath(has: (p: Permission) => boolean): string {
  return NAV_ITEMS.find((item) => has(item.permission))?.to ?? '/welcome';
}
