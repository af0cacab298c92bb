import { z } from 'zod';
import type { Organisation, OrganisationCreate } from '@/lib/api-types';
import { ORGANISATION_KINDS, SERVICE_TYPES } from '@/lib/enums';
import { v } from '@/lib/form';
import { emptyToNull } from '@/lib/zod-helpers';

export const organisationFormSchema = z.object({
  name: z.string().trim().min(1, v('required')).max(255, v('tooLong')),
  kind: z.enum(ORGANISATION_KINDS, v('required')),
  org_unit_id: z.string().min(1, v('orgUnitRequired')),
  address: z.string().max(500, v('tooLong')),
  phone: z
    .string()
    .max(32, v('tooLong'))
    .regex(/^[0-9+ ().-]*$/, v('phone')),
  email: z.union([z.literal(''), z.email(v('email'))]),
  services: z.array(z.enum(SERVICE_TYPES)),
  active: z.boolean(),
});

export type OrganisationFormValues = z.infer<typeof organisationFormSchema>;
export const ORGANISATION_FORM_FIELDS = Object.keys(organisationFormSchema.shape);

export const emptyOrganisationForm: OrganisationFormValues = {
  name: '',
  kind: 'social_affairs_office',
  org_unit_id: '',
  address: '',
  phone: '',
  email: '',
  services: [],
  active: true,
};

export function organisationToForm(o: Organisation): OrganisationFormValues {
  return {
    name: o.name,
    kind: o.kind,
    org_unit_id: o.org_unit_id,
    address: o.address ?? '',
    phone: o.phone ?? '',
    email: o.email ?? '',
    services: o.services.filter((s): s is (typeof SERVICE_TYPES)[number] =>
      (SERVICE_TYPES as readonly string[]).includes(s),
    ),
    active: o.active,
  };
}

export function toOrganisationBody(values: OrganisationFormValues): OrganisationCreate {
  return {
    name: values.name.trim(),
    kind: values.kind,
    org_unit_id: values.org_unit_id,
    address: emptyToNull(values.address),
    phone: emptyToNull(values.phone),
    email: emptyToNull(values.email),
    services: values.services,
    active: values.active,
  };
}
