import { z } from 'zod';
import type { Member, MemberCreate, MemberUpdate, PeerGroup, PeerGroupCreate, PeerGroupUpdate } from '@/lib/api-types';
import { MEMBER_ROLES, PEER_GROUP_KINDS } from '@/lib/enums';
import { v } from '@/lib/form';
import { emptyToNull, optionalDate } from '@/lib/zod-helpers';

export const groupFormSchema = z.object({
  name: z.string().trim().min(2, v('tooShort')).max(200, v('tooLong')),
  kind: z.enum(PEER_GROUP_KINDS),
  org_unit_id: z.string(),
  established_on: optionalDate,
  active: z.boolean(),
});
export type GroupFormValues = z.infer<typeof groupFormSchema>;
export const GROUP_FIELDS = Object.keys(groupFormSchema.shape);

/** A new group also names its unit (it cannot move afterwards). */
export const createGroupFormSchema = groupFormSchema.extend({
  org_unit_id: z.string().min(1, v('orgUnitRequired')),
});

export function emptyGroup(orgUnitId: string | null): GroupFormValues {
  return { name: '', kind: 'peer_group', org_unit_id: orgUnitId ?? '', established_on: '', active: true };
}

export function groupValues(g: PeerGroup): GroupFormValues {
  return {
    name: g.name,
    kind: g.kind,
    org_unit_id: g.org_unit_id,
    established_on: g.established_on ?? '',
    active: g.active,
  };
}

export function groupCreateBody(values: GroupFormValues): PeerGroupCreate {
  return {
    name: values.name.trim(),
    kind: values.kind,
    org_unit_id: values.org_unit_id,
    established_on: values.established_on || null,
    active: values.active,
  };
}

export function groupUpdateBody(values: GroupFormValues): PeerGroupUpdate {
  return {
    name: values.name.trim(),
    kind: values.kind,
    established_on: values.established_on || null,
    active: values.active,
  };
}

export const memberFormSchema = z
  .object({
    full_name: z.string().trim().min(2, v('tooShort')).max(200, v('tooLong')),
    phone: z
      .string()
      .max(30, v('tooLong'))
      .regex(/^[0-9+ ().-]*$/, v('phone')),
    member_role: z.enum(MEMBER_ROLES),
    joined_on: optionalDate,
    left_on: optionalDate,
  })
  .refine((f) => !f.joined_on || !f.left_on || f.left_on >= f.joined_on, {
    message: v('endsBeforeStart'),
    path: ['left_on'],
  });
export type MemberFormValues = z.infer<typeof memberFormSchema>;
export const MEMBER_FIELDS = ['full_name', 'phone', 'member_role', 'joined_on', 'left_on'];

export function emptyMember(): MemberFormValues {
  return { full_name: '', phone: '', member_role: 'member', joined_on: '', left_on: '' };
}

export function memberValues(m: Member): MemberFormValues {
  return {
    full_name: m.full_name,
    phone: m.phone ?? '',
    member_role: m.member_role,
    joined_on: m.joined_on ?? '',
    left_on: m.left_on ?? '',
  };
}

export function memberBody(values: MemberFormValues): MemberCreate & MemberUpdate {
  return {
    full_name: values.full_name.trim(),
    phone: emptyToNull(values.phone),
    member_role: values.member_role,
    joined_on: values.joined_on || null,
    left_on: values.left_on || null,
  };
}

/**
 * The ETag the API gives a member (`"<id hex>.<version>"`). Members are read only as a
 * list, without headers, so the tag is rebuilt from the id and version that list carries.
 */
export function memberEtag(m: Pick<Member, 'id' | 'version'>): string {
  return `"${m.id.replace(/-/g, '').toLowerCase()}.${m.version}"`;
}
