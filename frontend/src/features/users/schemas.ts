import { z } from 'zod';
import type { User, UserCreate, UserUpdate } from '@/lib/api-types';
import { ROLES } from '@/lib/enums';
import { v } from '@/lib/form';

const base = {
  full_name: z.string().trim().min(1, v('required')).min(2, v('tooShort')).max(255, v('tooLong')),
  role: z.enum(ROLES, v('required')),
  org_unit_id: z.string().min(1, v('orgUnitRequired')),
  organisation_id: z.string(),
};

export const userCreateSchema = z.object({
  ...base,
  username: z
    .string()
    .trim()
    .max(80, v('tooLong'))
    .regex(/^[a-z0-9][a-z0-9._-]{2,}$/, v('usernameFormat')),
  password: z.string().min(10, v('passwordLength')).max(128, v('tooLong')),
});

export const userEditSchema = z.object({
  ...base,
  active: z.boolean(),
  // Empty keeps the current password.
  password: z.string().refine((s) => s === '' || (s.length >= 10 && s.length <= 128), v('passwordLength')),
});

export type UserCreateValues = z.infer<typeof userCreateSchema>;
export type UserEditValues = z.infer<typeof userEditSchema>;

export const USER_CREATE_FIELDS = Object.keys(userCreateSchema.shape);
export const USER_EDIT_FIELDS = Object.keys(userEditSchema.shape);

export const emptyUserCreate: UserCreateValues = {
  username: '',
  full_name: '',
  password: '',
  role: 'case_worker',
  org_unit_id: '',
  organisation_id: '',
};

export function toUserCreateBody(values: UserCreateValues): UserCreate {
  return {
    username: values.username.trim(),
    full_name: values.full_name.trim(),
    password: values.password,
    role: values.role,
    org_unit_id: values.org_unit_id,
    organisation_id: values.organisation_id || null,
  };
}

export function userToEditValues(user: User): UserEditValues {
  return {
    full_name: user.full_name,
    role: user.role,
    org_unit_id: user.org_unit_id,
    organisation_id: user.organisation_id ?? '',
    active: user.active,
    password: '',
  };
}

export function toUserUpdateBody(values: UserEditValues): UserUpdate {
  const body: UserUpdate = {
    full_name: values.full_name.trim(),
    role: values.role,
    org_unit_id: values.org_unit_id,
    organisation_id: values.organisation_id || null,
    active: values.active,
  };
  if (values.password) body.password = values.password;
  return body;
}
