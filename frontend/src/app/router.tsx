import { createBrowserRouter, type RouteObject } from 'react-router';
import { AppLayout } from './AppLayout';
import { RequireAuth, RequirePermission } from './guards';
import { ActivityCreateRoute } from './routes/activities/form';
import { ActivityListRoute } from './routes/activities/list';
import { AuditRoute } from './routes/audit';
import { ClientDetailRoute } from './routes/clients/detail';
import { ClientListRoute } from './routes/clients/list';
import { ContactEntryRoute } from './routes/contacts/entry';
import { ContactListRoute } from './routes/contacts/list';
import { EstablishmentDetailRoute } from './routes/establishments/detail';
import { EstablishmentCreateRoute, EstablishmentEditRoute } from './routes/establishments/form';
import { EstablishmentListRoute } from './routes/establishments/list';
import { HomeRoute, NotFoundRoute, WelcomeRoute } from './routes/home';
import { LoginRoute } from './routes/login';
import { OutboxRoute } from './routes/outbox';
import { PeerGroupDetailRoute } from './routes/peer-groups/detail';
import { PeerGroupListRoute } from './routes/peer-groups/list';
import { PeerGroupCreateRoute } from './routes/peer-groups/new';
import { OrganisationCreateRoute, OrganisationEditRoute } from './routes/organisations/form';
import { OrganisationListRoute } from './routes/organisations/list';
import { UserCreateRoute, UserEditRoute } from './routes/users/form';
import { UserListRoute } from './routes/users/list';
import { ApiClientsRoute } from './routes/api-clients';
import { ReferralBoardRoute } from './routes/referrals/board';
import { ReferralDetailRoute } from './routes/referrals/detail';
import { ReferralInboxRoute } from './routes/referrals/inbox';
import { ReferFromContactRoute } from './routes/referrals/refer';
import { ServiceDirectoryRoute } from './routes/services';
import { WebhooksRoute } from './routes/webhooks';
import { VictimCaseDetailRoute } from './routes/victim-cases/detail';
import { VictimIntakeRoute } from './routes/victim-cases/intake';
import { VictimCaseListRoute } from './routes/victim-cases/list';
import { VictimStatisticsRoute } from './routes/victim-cases/statistics';
import { PlanCreateRoute } from './routes/plans/new';
import { PlanDetailRoute } from './routes/plans/detail';
import { PlanListRoute } from './routes/plans/list';
import { BudgetExecutionRoute } from './routes/budget-execution';
import { ImportRoute } from './routes/imports';
import { DashboardRoute } from './routes/dashboard';
import { ConsolidatedReportRoute } from './routes/reports/consolidated';
import { ReportDetailRoute } from './routes/reports/detail';
import { ReportListRoute } from './routes/reports/list';
import type { Permission } from '@/lib/can';

const guarded = (permission: Permission, element: React.ReactNode) => (
  <RequirePermission permission={permission}>{element}</RequirePermission>
);

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginRoute /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomeRoute /> },
      { path: 'welcome', element: <WelcomeRoute /> },
      { path: 'establishments', element: guarded('establishments:read', <EstablishmentListRoute />) },
      { path: 'establishments/new', element: guarded('establishments:write', <EstablishmentCreateRoute />) },
      { path: 'establishments/:id', element: guarded('establishments:read', <EstablishmentDetailRoute />) },
      { path: 'establishments/:id/edit', element: guarded('establishments:write', <EstablishmentEditRoute />) },
      { path: 'users', element: guarded('users:read', <UserListRoute />) },
      { path: 'users/new', element: guarded('users:write', <UserCreateRoute />) },
      { path: 'users/:id', element: guarded('users:write', <UserEditRoute />) },
      { path: 'organisations', element: guarded('organisations:read', <OrganisationListRoute />) },
      { path: 'organisations/new', element: guarded('organisations:write', <OrganisationCreateRoute />) },
      { path: 'organisations/:id', element: guarded('organisations:read', <OrganisationEditRoute />) },
      { path: 'audit', element: guarded('audit:read', <AuditRoute />) },
      { path: 'contacts', element: guarded('contacts:read', <ContactListRoute />) },
      { path: 'contacts/new', element: guarded('contacts:write', <ContactEntryRoute />) },
      { path: 'clients', element: guarded('clients:read', <ClientListRoute />) },
      { path: 'clients/:id', element: guarded('clients:read', <ClientDetailRoute />) },
      { path: 'peer-groups', element: guarded('peer_groups:read', <PeerGroupListRoute />) },
      { path: 'peer-groups/new', element: guarded('peer_groups:write', <PeerGroupCreateRoute />) },
      { path: 'peer-groups/:id', element: guarded('peer_groups:read', <PeerGroupDetailRoute />) },
      { path: 'activities', element: guarded('activities:read', <ActivityListRoute />) },
      { path: 'activities/new', element: guarded('activities:write', <ActivityCreateRoute />) },
      { path: 'contacts/:id/refer', element: guarded('referrals:write', <ReferFromContactRoute />) },
      { path: 'imports', element: guarded('imports:run', <ImportRoute />) },
      { path: 'referrals', element: guarded('referrals:read', <ReferralBoardRoute />) },
      { path: 'referrals/inbox', element: guarded('referrals:read', <ReferralInboxRoute />) },
      { path: 'referrals/:id', element: guarded('referrals:read', <ReferralDetailRoute />) },
      { path: 'services', element: guarded('referrals:read', <ServiceDirectoryRoute />) },
      { path: 'api-clients', element: guarded('api_clients:manage', <ApiClientsRoute />) },
      { path: 'webhooks', element: guarded('webhooks:manage', <WebhooksRoute />) },
      { path: 'victim-cases', element: guarded('victim_cases:read', <VictimCaseListRoute />) },
      { path: 'victim-cases/new', element: guarded('victim_cases:write', <VictimIntakeRoute />) },
      { path: 'victim-cases/:id', element: guarded('victim_cases:read', <VictimCaseDetailRoute />) },
      { path: 'victim-statistics', element: guarded('victim_statistics:read', <VictimStatisticsRoute />) },
      { path: 'plans', element: guarded('plans:read', <PlanListRoute />) },
      { path: 'plans/new', element: guarded('plans:write', <PlanCreateRoute />) },
      { path: 'plans/:id', element: guarded('plans:read', <PlanDetailRoute />) },
      { path: 'budget-execution', element: guarded('budget_execution:read', <BudgetExecutionRoute />) },
      { path: 'dashboard', element: guarded('indicators:read', <DashboardRoute />) },
      { path: 'reports', element: guarded('reports:read', <ReportListRoute />) },
      { path: 'reports/consolidated', element: guarded('reports:read', <ConsolidatedReportRoute />) },
      { path: 'reports/:id', element: guarded('reports:read', <ReportDetailRoute />) },
      { path: 'outbox', element: <OutboxRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
