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

export interface PageOf<T> {
  items: T[];
  next_cursor?: string | null;
}
