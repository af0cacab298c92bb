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

/** One possible duplicate in a 409 from POST /clients or a contact's new_client (problem+json `candidates`). */
export interface DuplicateCandidate {
  id: string;
  code: string;
  sex: Sex;
  birth_year: number | null;
  match: 'same_name' | 'same_given_name' | string;
  /** Only when the caller may see identities; never shown otherwise. */
  full_name?: string | null;
}

export interface PageOf<T> {
  items: T[];
  next_cursor?: string | null;
}
