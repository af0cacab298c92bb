import { z } from 'zod';
import type { ActivityCreate } from '@/lib/api-types';
import { ACTIVITY_KINDS, MATERIALS, type Material } from '@/lib/enums';
import { v } from '@/lib/form';
import { emptyToNull, optionalDate, requiredDate } from '@/lib/zod-helpers';
import { todayIso } from '@/features/contacts/schemas';

const count = z.string().refine((s) => /^\d+$/.test(s.trim()), v('wholeNumber'));

export const activityFormSchema = z
  .object({
    kind: z.enum(ACTIVITY_KINDS, v('required')),
    title: z.string().trim().min(1, v('required')).max(200, v('tooLong')),
    starts_on: requiredDate,
    ends_on: optionalDate,
    org_unit_id: z.string().min(1, v('orgUnitRequired')),
    organiser_id: z.string(),
    peer_group_id: z.string(),
    participants_total: count,
    participants_female: count,
    materials: z.object(
      Object.fromEntries(MATERIALS.map((m) => [m, z.number().int().min(0).max(100000)])) as Record<
        Material,
        z.ZodNumber
      >,
    ),
    location: z.string().max(200, v('tooLong')),
    description: z.string().max(4000, v('tooLong')),
  })
  .superRefine((values, ctx) => {
    if (values.ends_on && values.ends_on < values.starts_on) {
      ctx.addIssue({ code: 'custom', path: ['ends_on'], message: v('endsBeforeStart') });
    }
    const total = Number(values.participants_total.trim());
    const female = Number(values.participants_female.trim());
    if (Number.isFinite(total) && Number.isFinite(female) && female > total) {
      ctx.addIssue({ code: 'custom', path: ['participants_female'], message: v('femaleAboveTotal') });
    }
  });

export type ActivityFormValues = z.infer<typeof activityFormSchema>;

export const ACTIVITY_FORM_FIELDS = Object.keys(activityFormSchema.shape);

export interface ActivityDefaults {
  kind?: ActivityFormValues['kind'];
  org_unit_id?: string;
  organiser_id?: string;
  peer_group_id?: string;
  location?: string;
  title?: string;
}

export function emptyActivityForm(d: ActivityDefaults = {}): ActivityFormValues {
  return {
    kind: d.kind ?? 'group_meeting',
    title: d.title ?? '',
    starts_on: todayIso(),
    ends_on: '',
    org_unit_id: d.org_unit_id ?? '',
    organiser_id: d.organiser_id ?? '',
    peer_group_id: d.peer_group_id ?? '',
    participants_total: '0',
    participants_female: '0',
    materials: Object.fromEntries(MATERIALS.map((m) => [m, 0])) as ActivityFormValues['materials'],
    location: d.location ?? '',
    description: '',
  };
}

export function formToActivityBody(values: ActivityFormValues): ActivityCreate {
  return {
    kind: values.kind,
    title: values.title.trim(),
    starts_on: values.starts_on,
    ends_on: emptyToNull(values.ends_on),
    org_unit_id: values.org_unit_id,
    organiser_id: values.organiser_id || null,
    peer_group_id: values.peer_group_id || null,
    participants_total: Number(values.participants_total.trim()),
    participants_female: Number(values.participants_female.trim()),
    materials: Object.fromEntries(Object.entries(values.materials).filter(([, n]) => n > 0)),
    location: emptyToNull(values.location),
    description: emptyToNull(values.description),
  };
}

export function activityBodyToForm(body: ActivityCreate): ActivityFormValues {
  const values = emptyActivityForm({
    kind: body.kind,
    title: body.title,
    org_unit_id: body.org_unit_id,
    organiser_id: body.organiser_id ?? '',
    peer_group_id: body.peer_group_id ?? '',
    location: body.location ?? '',
  });
  values.starts_on = body.starts_on;
  values.ends_on = body.ends_on ?? '';
  values.participants_total = String(body.participants_total ?? 0);
  values.participants_female = String(body.participants_female ?? 0);
  values.description = body.description ?? '';
  for (const [k, n] of Object.entries(body.materials ?? {})) {
    if ((MATERIALS as readonly string[]).includes(k)) values.materials[k as Material] = n;
  }
  return values;
}

/** "Sinh hoạt nhóm tháng 11/2026" for a group meeting on that date. */
export function meetingTitleParts(date: string): { month: number; year: number } {
  const [y, m] = date.split('-').map(Number);
  return { month: m || new Date().getMonth() + 1, year: y || new Date().getFullYear() };
}
