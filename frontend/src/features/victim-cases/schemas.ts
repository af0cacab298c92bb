import { z } from 'zod';
import type { CaseStatus, SupportCreate, VictimIntake } from '@/lib/api-types';
import { EXPLOITATIONS, SERVICE_TYPES, SEXES, VICTIM_SOURCES } from '@/lib/enums';
import { v } from '@/lib/form';
import { emptyToNull, requiredDate } from '@/lib/zod-helpers';

export function todayIso(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

const notInFuture = requiredDate.refine((s) => s <= todayIso(), v('notInFuture'));
const country = z
  .string()
  .trim()
  .refine((s) => s === '' || /^[A-Za-z]{2}$/.test(s), v('country'));

export const intakeFormSchema = z.object({
  reported_on: notInFuture,
  source: z.enum(VICTIM_SOURCES),
  org_unit_id: z.string().min(1, v('orgUnitRequired')),
  sex: z.enum(SEXES),
  birth_year: z
    .string()
    .trim()
    .refine(
      (s) => s === '' || (/^\d{4}$/.test(s) && Number(s) >= 1920 && Number(s) <= new Date().getFullYear()),
      v('birthYear'),
    ),
  exploitation: z.enum(EXPLOITATIONS),
  exploitation_country: country,
  citizenship: country,
  intake_notes: z.string().max(4000, v('tooLong')),
});
export type IntakeFormValues = z.infer<typeof intakeFormSchema>;
export const INTAKE_FIELDS = Object.keys(intakeFormSchema.shape);

export function emptyIntake(orgUnitId: string | null): IntakeFormValues {
  return {
    reported_on: todayIso(),
    source: 'hotline_111',
    org_unit_id: orgUnitId ?? '',
    sex: 'unknown',
    birth_year: '',
    exploitation: 'unknown',
    exploitation_country: '',
    citizenship: 'VN',
    intake_notes: '',
  };
}

export function intakeBody(values: IntakeFormValues): VictimIntake {
  const upper = (s: string) => (s.trim() ? s.trim().toUpperCase() : null);
  return {
    reported_on: values.reported_on,
    source: values.source,
    org_unit_id: values.org_unit_id,
    sex: values.sex,
    birth_year: values.birth_year ? Number(values.birth_year) : null,
    exploitation: values.exploitation,
    exploitation_country: upper(values.exploitation_country),
    citizenship: upper(values.citizenship) ?? 'VN',
    intake_notes: emptyToNull(values.intake_notes),
  };
}

export const caseTransitionSchema = z
  .object({ to: z.string(), on: notInFuture, reason: z.string().max(2000, v('tooLong')) })
  .refine((f) => f.to !== 'closed' || f.reason.trim() !== '', { message: v('required'), path: ['reason'] });
export type CaseTransitionValues = z.infer<typeof caseTransitionSchema>;

export const supportFormSchema = z.object({
  support_type: z.enum(SERVICE_TYPES),
  provided_on: notInFuture,
  amount_vnd: z
    .number()
    .nullable()
    .refine((n) => n === null || (Number.isSafeInteger(n) && n >= 0), v('money')),
  provider_id: z.string(),
  note: z.string().max(2000, v('tooLong')),
});
export type SupportFormValues = z.infer<typeof supportFormSchema>;
export const SUPPORT_FIELDS = Object.keys(supportFormSchema.shape);

export function supportBody(values: SupportFormValues): SupportCreate {
  return {
    support_type: values.support_type,
    provided_on: values.provided_on,
    amount_vnd: values.amount_vnd ?? 0,
    provider_id: values.provider_id || null,
    note: emptyToNull(values.note),
  };
}

/** The steps of a case, in order; `closed` is an exit from any of them. */
export const CASE_STEPS = [
  'under_identification',
  'identified',
  'received',
  'supported',
  'reintegrated',
] as const satisfies readonly CaseStatus[];
