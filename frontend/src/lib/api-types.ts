// Friendly names for the generated OpenAPI types. Derived from operations rather than
// component names so a renamed schema on the server does not break the SPA.
import type { paths } from '@/client/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<Op> = Op extends { responses: infer R }
  ? R extends { 200: infer A }
    ? Json<A>
    : R extends { 201: infer B }
      ? Json<B>
      : never
  : never;
type Body<Op> = Op extends { requestBody?: infer B } ? Json<NonNullable<B>> : never;
export type Query<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Me = Ok<paths['/api/v1/me']['get']>;
export type TokenResponse = Ok<paths['/api/v1/auth/token']['post']>;

export type OrgUnit = Ok<paths['/api/v1/org-units/{unit_id}']['get']>;
export type OrgUnitQuery = Query<paths['/api/v1/org-units']['get']>;

export type Organisation = Ok<paths['/api/v1/organisations/{organisation_id}']['get']>;
export type OrganisationCreate = Body<paths['/api/v1/organisations']['post']>;
export type OrganisationUpdate = Body<paths['/api/v1/organisations/{organisation_id}']['patch']>;
export type OrganisationQuery = Query<paths['/api/v1/organisations']['get']>;

export type User = Ok<paths['/api/v1/users/{user_id}']['get']>;
export type UserCreate = Body<paths['/api/v1/users']['post']>;
export type UserUpdate = Body<paths['/api/v1/users/{user_id}']['patch']>;
export type UserQuery = Query<paths['/api/v1/users']['get']>;

export type Establishment = Ok<paths['/api/v1/establishments/{establishment_id}']['get']>;
export type EstablishmentCreate = Body<paths['/api/v1/establishments']['post']>;
export type EstablishmentUpdate = Body<paths['/api/v1/establishments/{establishment_id}']['patch']>;
export type EstablishmentQuery = Query<paths['/api/v1/establishments']['get']>;

export type Inspection = Ok<paths['/api/v1/establishments/{establishment_id}/inspections/{inspection_id}']['get']>;
export type InspectionCreate = Body<paths['/api/v1/establishments/{establishment_id}/inspections']['post']>;

export type AuditEvent = Ok<paths['/api/v1/audit-events']['get']>['items'][number];
export type AuditQuery = Query<paths['/api/v1/audit-events']['get']>;

export type PeerGroup = Ok<paths['/api/v1/peer-groups/{group_id}']['get']>;
export type PeerGroupQuery = Query<paths['/api/v1/peer-groups']['get']>;
export type Member = Ok<paths['/api/v1/peer-groups/{group_id}/members']['get']>[number];
export type PeerGroupCreate = Body<paths['/api/v1/peer-groups']['post']>;
export type PeerGroupUpdate = Body<paths['/api/v1/peer-groups/{group_id}']['patch']>;
export type MemberCreate = Body<paths['/api/v1/peer-groups/{group_id}/members']['post']>;
export type MemberUpdate = Body<paths['/api/v1/peer-groups/{group_id}/members/{member_id}']['patch']>;

/** A client as read by id: identity fields are present only when the role may see them. */
export type Client = Ok<paths['/api/v1/clients/{client_id}']['get']>;
export type ClientSummary = Ok<paths['/api/v1/clients']['get']>['items'][number];
export type ClientQuery = Query<paths['/api/v1/clients']['get']>;
export type ClientCreate = Body<paths['/api/v1/clients']['post']>;

export type Contact = Ok<paths['/api/v1/contacts/{contact_id}']['get']>;
export type ContactCreate = Body<paths['/api/v1/contacts']['post']>;
export type ContactQuery = Query<paths['/api/v1/contacts']['get']>;
export type NewClientInline = NonNullable<ContactCreate['new_client']>;

export type Activity = Ok<paths['/api/v1/activities/{activity_id}']['get']>;
export type ActivityCreate = Body<paths['/api/v1/activities']['post']>;
export type ActivityQuery = Query<paths['/api/v1/activities']['get']>;

export type Topic = NonNullable<ContactCreate['topics']>[number];
export type ServiceType = NonNullable<ContactCreate['needs']>[number];
export type Place = ContactCreate['place'];
export type Sex = ClientSummary['sex'];
export type ClientGroup = ClientSummary['group'];
export type ActivityKind = ActivityCreate['kind'];
export type PeerGroupKind = PeerGroup['kind'];
export type MemberRole = Member['member_role'];

type Conflict<Op> = Op extends { responses: { 409: infer C } } ? Json<C> : never;

/** The 409 of POST /clients or of a contact's new_client: the person may already be registered. */
export type DuplicateProblem = Conflict<paths['/api/v1/contacts']['post']>;
/** One possible duplicate; `full_name` only when the caller may see identities, never shown otherwise. */
export type DuplicateCandidate = DuplicateProblem['candidates'][number];

export type ReferralStatus = ReferrerReferral['status'];
export type ReferralQuery = Query<paths['/api/v1/referrals']['get']>;
/** What the referring side reads: the client by id and code, the legal basis of sharing. */
export type ReferrerReferral = Ok<paths['/api/v1/referrals']['post']>;
type ProviderReferralRaw = Exclude<Ok<paths['/api/v1/referrals/{referral_id}']['get']>, ReferrerReferral>;
/** The minimum a provider learns about the person (`SharedClient`); name and phone only with consent. */
export interface SharedClient {
  code: string;
  sex: Sex;
  age_group: string;
  group?: ClientGroup | null;
  full_name?: string | null;
  phone?: string | null;
}
export type ProviderReferral = Omit<ProviderReferralRaw, 'client'> & { client: SharedClient };
export type Referral = ReferrerReferral | ProviderReferral;
export type ReferralHistoryEntry = NonNullable<Referral['history']>[number];
export type ReferralCreate = Body<paths['/api/v1/referrals']['post']>;
export type ReferralTransition = Body<paths['/api/v1/referrals/{referral_id}/transitions']['post']>;
export type ReferralsFromContact = Body<paths['/api/v1/contacts/{contact_id}/referrals']['post']>;
export type ServiceDirectoryQuery = Query<paths['/api/v1/service-directory']['get']>;

export type ApiClient = Ok<paths['/api/v1/api-clients/{api_client_id}']['get']>;
export type ApiClientCreate = Body<paths['/api/v1/api-clients']['post']>;
export type ApiClientUpdate = Body<paths['/api/v1/api-clients/{api_client_id}']['patch']>;
export type ApiClientWithSecret = Ok<paths['/api/v1/api-clients']['post']>;
export type Webhook = Ok<paths['/api/v1/webhooks']['get']>[number];
export type WebhookCreate = Body<paths['/api/v1/webhooks']['post']>;
export type WebhookWithSecret = Ok<paths['/api/v1/webhooks']['post']>;
export type WebhookDelivery = Ok<paths['/api/v1/webhooks/{webhook_id}/deliveries']['get']>[number];

/** The referrer's view carries `client_id`; the provider's carries `client`. */
export function isProviderView(referral: Referral): referral is ProviderReferral {
  return 'client' in referral && typeof referral.client === 'object' && referral.client !== null;
}

export function referralClientCode(referral: Referral): string | null {
  return isProviderView(referral) ? referral.client.code : (referral.client_code ?? null);
}

export interface PageOf<T> {
  items: T[];
  next_cursor?: string | null;
}

export type VictimCase = Ok<paths['/api/v1/victim-cases/{case_id}']['get']>;
export type VictimCaseQuery = Query<paths['/api/v1/victim-cases']['get']>;
export type VictimIntake = Body<paths['/api/v1/victim-cases/intake']['post']>;
export type VictimTransition = Body<paths['/api/v1/victim-cases/{case_id}/transitions']['post']>;
export type SupportCreate = Body<paths['/api/v1/victim-cases/{case_id}/supports']['post']>;
export type Support = VictimCase['supports'] extends (infer S)[] | undefined ? S : never;
export type CaseStatus = VictimCase['status'];
export type VictimSource = VictimCase['source'];
export type Exploitation = VictimCase['exploitation'];
export type VictimStatistics = Ok<paths['/api/v1/victim-cases/statistics']['get']>;
export type VictimStatisticsQuery = Query<paths['/api/v1/victim-cases/statistics']['get']>;
/** A statistics cell: a count, or "<5" where a small number is suppressed for the caller. */
export type StatCell = VictimStatistics['identified'];

export type Plan = Ok<paths['/api/v1/plans/{plan_id}']['get']>;
export type PlanQuery = Query<paths['/api/v1/plans']['get']>;
export type PlanCreate = Body<paths['/api/v1/plans']['post']>;
export type PlanUpdate = Body<paths['/api/v1/plans/{plan_id}']['patch']>;
export type PlanStatus = Plan['status'];
export type PlanTarget = NonNullable<Plan['targets']>[number];
export type TargetIn = NonNullable<PlanCreate['targets']>[number];
export type BudgetLine = Ok<paths['/api/v1/budget-lines/{line_id}']['get']>;
export type BudgetLineCreate = Body<paths['/api/v1/budget-lines']['post']>;
export type BudgetLineUpdate = Body<paths['/api/v1/budget-lines/{line_id}']['patch']>;
export type BudgetLineRevision = Ok<paths['/api/v1/budget-lines/{line_id}/revisions']['get']>[number];
export type BudgetCategory = BudgetLine['category'];
export type FundingSource = BudgetLine['funding_source'];
export type Expenditure = Ok<paths['/api/v1/expenditures/{expenditure_id}']['get']>;
export type ExpenditureCreate = Body<paths['/api/v1/expenditures']['post']>;
export type ExpenditureQuery = Query<paths['/api/v1/expenditures']['get']>;
/** Allocated, spent, remaining (integer VND) and the execution rate as a decimal string ("0.3792"). */
export type Execution = Pick<BudgetLine, 'allocated_vnd' | 'spent_vnd' | 'remaining_vnd' | 'execution_rate'>;
export type ExecutionBreakdown = Ok<paths['/api/v1/budget-execution']['get']>;
export type ExecutionQuery = Query<paths['/api/v1/budget-execution']['get']>;

export type IndicatorValue = Ok<paths['/api/v1/reports/{report_id}']['get']>['values'][number];
export type Dashboard = Ok<paths['/api/v1/dashboard']['get']>;
export type DashboardQuery = Query<paths['/api/v1/dashboard']['get']>;
export type Cascade = Dashboard['cascade'];
export type TrendPoint = Dashboard['trend'][number];
export type UnitRow = Dashboard['by_unit'][number];

export type Report = Ok<paths['/api/v1/reports/{report_id}']['get']>;
export type ReportSummary = Ok<paths['/api/v1/reports']['get']>['items'][number];
export type ReportStatus = ReportSummary['status'];
export type ReportQuery = Query<paths['/api/v1/reports']['get']>;
export type ReportCreate = Body<paths['/api/v1/reports']['post']>;
export type ReportUpdate = Body<paths['/api/v1/reports/{report_id}']['patch']>;
export type ReportTransition = Body<paths['/api/v1/reports/{report_id}/transitions']['post']>;
export type ReportAction = ReportTransition['action'];
export type ReportEvent = Report['history'][number];
export type OverdueReports = Ok<paths['/api/v1/reports/overdue']['get']>;
export type ExpectedReport = OverdueReports['units'][number];
export type Consolidation = Ok<paths['/api/v1/reports/consolidation']['get']>;
export type ConsolidatedValue = Consolidation['indicators'][number];
