import { z } from 'zod';
import type { ContactCreate, NewClientInline } from '@/lib/api-types';
import { CLIENT_GROUPS, MATERIALS, PLACES, SERVICE_TYPES, SEXES, TOPICS, type Material } from '@/lib/enums';
import { v } from '@/lib/form';
import { emptyToNull, requiredDate } from '@/lib/zod-helpers';

export const CLIENT_MODES = ['anonymous', 'code', 'new'] as const;
export type ClientMode = (typeof CLIENT_MODES)[number];

/** Codes printed on cards: DH-7K3M-9QXP (typed in any case, with or without dashes). */
export function normaliseClientCode(input: string): string {
  const raw = input.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const body = raw.startsWith('DH') ? raw.slice(2) : raw;
  if (body.length !== 8) return input.trim().toUpperCase();
  return `DH-${body.slice(0, 4)}-${body.slice(4)}`;
}
const CODE = /^DH-[A-Z0-9]{4}-[A-Z0-9]{4}$/;

export function todayIso(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

const materialsSchema = z.object(
  Object.fromEntries(MATERIALS.map((m) => [m, z.number().int().min(0).max(100000)])) as Record<Material, z.ZodNumber>,
);

export const contactFormSchema = z
  .object({
    contacted_on: requiredDate.refine((s) => s <= todayIso(), v('notInFuture')),
    org_unit_id: z.string().min(1, v('orgUnitRequired')),
    place: z.enum(PLACES, v('required')),
    establishment_id: z.string(),
    peer_group_id: z.string(),
    client_mode: z.enum(CLIENT_MODES),
    client_code: z.string(),
    first_contact: z.boolean(),
    new_client: z.object({
      sex: z.enum(SEXES),
      birth_year: z.string(),
      group: z.union([z.enum(CLIENT_GROUPS), z.literal('')]),
      consent: z.boolean(),
      full_name: z.string().max(150, v('tooLong')),
      phone: z.string().max(40, v('tooLong')),
      id_number: z.string().max(20, v('tooLong')),
      notes: z.string().max(4000, v('tooLong')),
      consent_share_with_providers: z.boolean(),
    }),
    topics: z.array(z.enum(TOPICS)),
    needs: z.array(z.enum(SERVICE_TYPES)),
    materials: materialsSchema,
    notes: z.string().max(4000, v('tooLong')),
  })
  .superRefine((values, ctx) => {
    if (values.place === 'establishment' && !values.establishment_id) {
      ctx.addIssue({ code: 'custom', path: ['establishment_id'], message: v('establishmentRequired') });
    }
    if (values.client_mode === 'code' && !CODE.test(normaliseClientCode(values.client_code))) {
      ctx.addIssue({ code: 'custom', path: ['client_code'], message: v('clientCode') });
    }
    if (values.client_mode === 'new') {
      const nc = values.new_client;
      if (!nc.group) ctx.addIssue({ code: 'custom', path: ['new_client', 'group'], message: v('groupRequired') });
      const year = nc.birth_year.trim();
      if (year && (!/^\d{4}$/.test(year) || Number(year) < 1920 || Number(year) > new Date().getFullYear())) {
        ctx.addIssue({ code: 'custom', path: ['new_client', 'birth_year'], message: v('birthYear') });
      }
      if (nc.consent && nc.phone.trim() && !/^[0-9 +().-]{3,40}$/.test(nc.phone.trim())) {
        ctx.addIssue({ code: 'custom', path: ['new_client', 'phone'], message: v('phone') });
      }
    }
  });

export type ContactFormValues = z.infer<typeof contactFormSchema>;

/**
 * Fields the API's errors[].loc can point at (body.new_client.full_name → new_client.full_name);
 * anything else (a whole new_client, a material count) is shown above the form.
 */
export const CONTACT_FORM_FIELDS = [
  'contacted_on',
  'org_unit_id',
  'place',
  'establishment_id',
  'peer_group_id',
  'client_code',
  'first_contact',
  'new_client.sex',
  'new_client.birth_year',
  'new_client.group',
  'new_client.full_name',
  'new_client.phone',
  'new_client.id_number',
  'new_client.notes',
  'new_client.consent_share_with_providers',
  'topics',
  'needs',
  'notes',
];

export const emptyMaterials = (): ContactFormValues['materials'] =>
  Object.fromEntries(MATERIALS.map((m) => [m, 0])) as ContactFormValues['materials'];

export const emptyNewClient = (): ContactFormValues['new_client'] => ({
  sex: 'female',
  birth_year: '',
  group: '',
  consent: false,
  full_name: '',
  phone: '',
  id_number: '',
  notes: '',
  consent_share_with_providers: false,
});

/** What a repeat entry starts from: the last unit, place, establishment, group and topics. */
export interface ContactDefaults {
  contacted_on?: string;
  org_unit_id?: string;
  place?: ContactFormValues['place'];
  establishment_id?: string;
  peer_group_id?: string;
  topics?: ContactFormValues['topics'];
  client_code?: string;
}

export function emptyContactForm(d: ContactDefaults = {}): ContactFormValues {
  return {
    contacted_on: d.contacted_on ?? todayIso(),
    org_unit_id: d.org_unit_id ?? '',
    place: d.place ?? 'establishment',
    establishment_id: d.establishment_id ?? '',
    peer_group_id: d.peer_group_id ?? '',
    client_mode: d.client_code ? 'code' : 'anonymous',
    client_code: d.client_code ?? '',
    first_contact: false,
    new_client: emptyNewClient(),
    topics: d.topics ?? [],
    needs: [],
    materials: emptyMaterials(),
    notes: '',
  };
}

export function formToContactBody(values: ContactFormValues): ContactCreate {
  const materials = Object.fromEntries(Object.entries(values.materials).filter(([, n]) => n > 0));
  const body: ContactCreate = {
    contacted_on: values.contacted_on,
    org_unit_id: values.org_unit_id,
    place: values.place,
    establishment_id: values.place === 'establishment' ? values.establishment_id || null : null,
    peer_group_id: values.peer_group_id || null,
    first_contact: values.client_mode === 'new' ? true : values.first_contact,
    topics: values.topics,
    needs: values.needs,
    materials,
    notes: emptyToNull(values.notes),
  };
  if (values.client_mode === 'code') body.client_code = normaliseClientCode(values.client_code);
  if (values.client_mode === 'new') {
    const nc = values.new_client;
    const newClient: NewClientInline = {
      sex: nc.sex,
      birth_year: nc.birth_year.trim() ? Number(nc.birth_year.trim()) : null,
      group: nc.group as NewClientInline['group'],
    };
    if (values.establishment_id && values.place === 'establishment')
      newClient.establishment_id = values.establishment_id;
    // Identity only with consent, recorded as given on the day of the contact.
    if (nc.consent) {
      newClient.consent_data_processing_on = values.contacted_on;
      newClient.consent_share_with_providers = nc.consent_share_with_providers;
      newClient.full_name = emptyToNull(nc.full_name);
      newClient.phone = emptyToNull(nc.phone);
      newClient.id_number = emptyToNull(nc.id_number);
      newClient.notes = emptyToNull(nc.notes);
    }
    body.new_client = newClient;
  }
  return body;
}

/** A queued body back into the form (to fix an entry the server refused). */
export function contactBodyToForm(body: ContactCreate): ContactFormValues {
  const values = emptyContactForm({
    contacted_on: body.contacted_on,
    org_unit_id: body.org_unit_id,
    place: body.place,
    establishment_id: body.establishment_id ?? '',
    peer_group_id: body.peer_group_id ?? '',
    topics: body.topics ?? [],
  });
  values.first_contact = Boolean(body.first_contact);
  values.needs = body.needs ?? [];
  values.notes = body.notes ?? '';
  for (const [k, n] of Object.entries(body.materials ?? {})) {
    if ((MATERIALS as readonly string[]).includes(k)) values.materials[k as Material] = n;
  }
  if (body.client_code) {
    values.client_mode = 'code';
    values.client_code = body.client_code;
  } else if (body.new_client) {
    const nc = body.new_client;
    values.client_mode = 'new';
    values.new_client = {
      sex: nc.sex ?? 'unknown',
      birth_year: nc.birth_year ? String(nc.birth_year) : '',
      group: nc.group ?? '',
      consent: Boolean(nc.consent_data_processing_on),
      full_name: nc.full_name ?? '',
      phone: nc.phone ?? '',
      id_number: nc.id_number ?? '',
      notes: nc.notes ?? '',
      consent_share_with_providers: Boolean(nc.consent_share_with_providers),
    };
  }
  return values;
}

export type DuplicateChoice = { link: string } | { createNew: true };

/**
 * The person's answer to "this may be someone already registered": link the contact to the
 * candidate's card code, or confirm a new person (allow_duplicate).
 */
export function resolveDuplicate(body: ContactCreate, choice: DuplicateChoice): ContactCreate {
  if ('link' in choice) {
    const { new_client: _dropped, client_id: _id, ...rest } = body;
    return { ...rest, client_code: choice.link, first_contact: false };
  }
  if (!body.new_client) return body;
  return { ...body, new_client: { ...body.new_client, allow_duplicate: true } };
}
