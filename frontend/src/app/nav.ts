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
    | 'nav.audit'
    | 'nav.referrals'
    | 'nav.inbox'
    | 'nav.services'
    | 'nav.apiClients'
    | 'nav.webhooks'
    | 'nav.victimCases'
    | 'nav.victimStatistics'
    | 'nav.plans'
    | 'nav.budgetExecution'
    | 'nav.imports'
    | 'nav.dashboard'
    | 'nav.reports';
  permission: Permission;
  testId: string;
  /** Shown only to users whose home screen (GET /me `home`) is, or is not, this one. */
  home?: { is?: string; not?: string };
}

// Shown from GET /me permissions only; the SPA never decides by role.
// The dashboard comes first: it is where a user without a home screen of their own (GET /me `home` = "home",
// e.g. leadership) lands.
export const NAV_ITEMS: NavItem[] = [
  { to: '/dashboard', labelKey: 'nav.dashboard', permission: 'indicators:read', testId: 'nav-dashboard' },
  { to: '/contacts/new', labelKey: 'nav.contactNew', permission: 'contacts:write', testId: 'nav-contact-new' },
  { to: '/contacts', labelKey: 'nav.contacts', permission: 'contacts:read', testId: 'nav-contacts' },
  { to: '/clients', labelKey: 'nav.clients', permission: 'clients:read', testId: 'nav-clients' },
  {
    to: '/referrals/inbox',
    labelKey: 'nav.inbox',
    permission: 'referrals:read',
    testId: 'nav-inbox',
    home: { is: 'referral_inbox' },
  },
  {
    to: '/referrals',
    labelKey: 'nav.referrals',
    permission: 'referrals:read',
    testId: 'nav-referrals',
    home: { not: 'referral_inbox' },
  },
  { to: '/victim-cases', labelKey: 'nav.victimCases', permission: 'victim_cases:read', testId: 'nav-victim-cases' },
  {
    to: '/victim-statistics',
    labelKey: 'nav.victimStatistics',
    permission: 'victim_statistics:read',
    testId: 'nav-victim-statistics',
  },
  { to: '/reports', labelKey: 'nav.reports', permission: 'reports:read', testId: 'nav-reports' },
  { to: '/plans', labelKey: 'nav.plans', permission: 'plans:read', testId: 'nav-plans' },
  {
    to: '/budget-execution',
    labelKey: 'nav.budgetExecution',
    permission: 'budget_execution:read',
    testId: 'nav-budget-execution',
  },
  { to: '/services', labelKey: 'nav.services', permission: 'referrals:read', testId: 'nav-services' },
  { to: '/peer-groups', labelKey: 'nav.peerGroups', permission: 'peer_groups:read', testId: 'nav-peer-groups' },
  { to: '/activities', labelKey: 'nav.activities', permission: 'activities:read', testId: 'nav-activities' },
  {
    to: '/establishments',
    labelKey: 'nav.establishments',
    permission: 'establishments:read',
    testId: 'nav-establishments',
  },
  { to: '/imports', labelKey: 'nav.imports', permission: 'imports:run', testId: 'nav-imports' },
  { to: '/users', labelKey: 'nav.users', permission: 'users:read', testId: 'nav-users' },
  {
    to: '/organisations',
    labelKey: 'nav.organisations',
    permission: 'organisations:read',
    testId: 'nav-organisations',
  },
  { to: '/api-clients', labelKey: 'nav.apiClients', permission: 'api_clients:manage', testId: 'nav-api-clients' },
  { to: '/webhooks', labelKey: 'nav.webhooks', permission: 'webhooks:manage', testId: 'nav-webhooks' },
  { to: '/audit', labelKey: 'nav.audit', permission: 'audit:read', testId: 'nav-audit' },
];

export function navItemsFor(has: (p: Permission) => boolean, home: string | undefined): NavItem[] {
  return NAV_ITEMS.filter(
    (item) =>
      has(item.permission) && (!item.home?.is || item.home.is === home) && (!item.home?.not || item.home.not !== home),
  );
}

// The screen a user starts on is the API's word (GET /me `home`), never decided here from the role.
const HOME_PATHS: Record<string, { to: string; permission: Permission }> = {
  contact_entry: { to: '/contacts/new', permission: 'contacts:write' },
  referral_inbox: { to: '/referrals/inbox', permission: 'referrals:read' },
  establishments: { to: '/establishments', permission: 'establishments:read' },
  users: { to: '/users', permission: 'users:read' },
  dashboard: { to: '/dashboard', permission: 'indicators:read' },
};

export function firstAllowedPath(has: (p: Permission) => boolean, home?: Me['home']): string {
  const landing = home ? HOME_PATHS[home] : undefined;
  if (landing && has(landing.permission)) return landing.to;
  return navItemsFor(has, home).find((item) => item.to !== '/contacts/new')?.to ?? '/welcome';
}
