import { z } from 'zod';
import type { Establishment, EstablishmentCreate } from '@/lib/api-types';
import { ESTABLISHMENT_STATUSES, ESTABLISHMENT_TYPES, RISK_LEVELS } from '@/lib/enums';
import { v } from '@/lib/form';
import {
  countOrNull,
  decimalOrNull,
  emptyToNull,
  optionalCount,
  optionalDate,
  optionalDecimal,
} from '@/lib/zod-helpers';

export const establishmentFormSchema = z.object({
  name: z.string().trim().min(1, v('required')).min(2, v('tooShort')).max(200, v('tooLong')),
  type: z.enum(ESTABLISHMENT_TYPES, v('required')),
  status: z.enum(ESTABLISHMENT_STATUSES, v('required')),
  org_unit_id: z.string().min(1, v('orgUnitRequired')),
  address: z.string().max(300, v('tooLong')),
  owner_name: z.string().max(150, v('tooLong')),
  business_registration_no: z.string().max(50, v('tooLong')),
  license_no: z.string().max(50, v('tooLong')),
  license_expires_on: optionalDate,
  workers_female: optionalCount,
  workers_male: optionalCount,
  commitment_signed_on: optionalDate,
  risk_level: z.enum(RISK_LEVELS, v('required')),
  // The API accepts coordinates within Viet Nam only.
  latitude: optionalDecimal(6, 24),
  longitude: optionalDecimal(102, 118),
});

export type EstablishmentFormValues = z.infer<typeof establishmentFormSchema>;

export const ESTABLISHMENT_FORM_FIELDS = Object.keys(establishmentFormSchema.shape);

export const emptyEstablishmentForm: EstablishmentFormValues = {
  name: '',
  type: 'karaoke',
  status: 'active',
  org_unit_id: '',
  address: '',
  owner_name: '',
  business_registration_no: '',
  license_no: '',
  license_expires_on: '',
  workers_female: '0',
  workers_male: '0',
  commitment_signed_on: '',
  risk_level: 'medium',
  latitude: '',
  longitude: '',
};

export function establishmentToForm(e: Establishment): EstablishmentFormValues {
  const s = (x: string | number | null | undefined) => (x === null || x === undefined ? '' : String(x));
  return {
    name: e.name,
    type: e.type,
    status: e.status,
    org_unit_id: e.org_unit_id,
    address: s(e.address),
    owner_name: s(e.owner_name),
    business_registration_no: s(e.business_registration_no),
    license_no: s(e.license_no),
    license_expires_on: s(e.license_expires_on),
    workers_female: s(e.workers_female),
    workers_male: s(e.workers_male),
    commitment_signed_on: s(e.commitment_signed_on),
    risk_level: e.risk_level,
    latitude: s(e.latitude),
    longitude: s(e.longitude),
  };
}

export function formToEstablishmentBody(values: EstablishmentFormValues): EstablishmentCreate {
  return {
    name: values.name.trim(),
    type: values.type,
    status: values.status,
    org_unit_id: values.org_unit_id,
    address: emptyToNull(values.address),
    owner_name: emptyToNull(values.owner_name),
    business_registration_no: emptyToNull(values.business_registration_no),
    license_no: emptyToNull(values.license_no),
    license_expires_on: emptyToNull(values.license_expires_on),
    workers_female: countOrNull(values.workers_female) ?? 0,
    workers_male: countOrNull(values.workers_male) ?? 0,
    commitment_signed_on: emptyToNull(values.commitment_signed_on),
    risk_level: values.risk_level,
    latitude: decimalOrNull(values.latitude),
    longitude: decimalOrNull(values.longitude),
  };
}

/** Filters of the list, as kept in the URL. */
export interface EstablishmentFilters {
  q: string;
  org_unit: string;
  type: string;
  status: string;
  risk_level: string;
  has_commitment: string;
  sort: string;
}

export const FILTER_KEYS: (keyof EstablishmentFilters)[] = [
  'q',
  'org_unit',
  'type',
  'status',
  'risk_level',
  'has_commitment',
  'sort',
];
