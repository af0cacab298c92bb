import { z } from 'zod';
import type { InspectionCreate } from '@/lib/api-types';
import { VIOLATIONS } from '@/lib/enums';
import { v } from '@/lib/form';
import { emptyToNull, requiredDate } from '@/lib/zod-helpers';

export const inspectionFormSchema = z.object({
  inspected_on: requiredDate.refine((s) => s <= todayIso(), v('notInFuture')),
  team: z.array(z.string()),
  violations: z.array(z.enum(VIOLATIONS)),
  // Integer VND; the MoneyInput gives null for empty and NaN for text that is not an amount.
  fine_amount_vnd: z
    .number()
    .nullable()
    .refine((n) => n === null || (Number.isSafeInteger(n) && n >= 0), v('money')),
  findings: z.string().max(5000, v('tooLong')),
  follow_up: z.string().max(2000, v('tooLong')),
});

export type InspectionFormValues = z.infer<typeof inspectionFormSchema>;

export const INSPECTION_FORM_FIELDS = Object.keys(inspectionFormSchema.shape);

export function todayIso(): string {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

export function emptyInspectionForm(): InspectionFormValues {
  return { inspected_on: todayIso(), team: [], violations: [], fine_amount_vnd: null, findings: '', follow_up: '' };
}

export function formToInspectionBody(values: InspectionFormValues): InspectionCreate {
  return {
    inspected_on: values.inspected_on,
    team: values.team,
    violations: values.violations,
    fine_amount_vnd: values.fine_amount_vnd ?? 0,
    findings: emptyToNull(values.findings),
    follow_up: emptyToNull(values.follow_up),
  };
}
