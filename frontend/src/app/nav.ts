import type { Me } from '@/lib/api-types';
import type { Permission } from '@/lib/can';

export interface NavItem {
  to: string;
  labelKey:
    | 'nav.contactNew'
    | 'nav.contacts'
    | 'nav.clients'
    | 'nav.peerGroups'
    | 'nav.activities'
    | 'nav.establishments'
    | 'nav.users'
    | 'nav.organisations'
    | 'nav.audit';
  permission: Permission;
  testId: string;
}

// Shown from GET /me permissions only; the SPA never decides by role.
export const NAV_ITEMS: NavItem[] = [
  { to: '/contacts/new', labelKey: 'nav.contactNew', permission: 'contacts:write', testId: 'nav-contact-new' },
  { to: '/contacts', labelKey: 'nav.contacts', permission: 'contacts:read', testId: 'nav-contacts' },
  { to: '/clients', labelKey: 'nav.clients', permission: 'clients:read', testId: 'nav-clients' },
  { to: '/peer-groups', labelKey: 'nav.peerGroups', permission: 'peer_groups:read', testId: 'nav-peer-groups' },
  { to: '/activities', labelKey: 'nav.activities', permission: 'activities:read', testId: 'nav-activities' },
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

// Screens that open first, in this order, for whoever may use them. The phone-first contact entry
// is the home of the peer educator (issue #3); office roles keep their registers first.
const LANDING_BY_ROLE: Partial<Record<Me['role'], { to: string; permission: Permission }>> = {
  peer_educator: { to: '/contacts/new', permission: 'contacts:write' },
};
const OFFICE_FIRST = ['/establishments', '/contacts', '/clients', '/activities', '/peer-groups'];

export function firstAllowedPath(has: (p: Permission) => boolean, role?: Me['role']): string {
  const landing = role ? LANDING_BY_ROLE[role] : undefined;
  if (landing && has(landing.permission)) return landing.to;
  for (const to of OFFICE_FIRST) {
    const item = NAV_ITEMS.find((i) => i.to === to);
    if (item && has(item.permission)) return item.to;
  }
  return NAV_ITEMS.find((item) => has(item.permission))?.to ?? '/welcome';
}
