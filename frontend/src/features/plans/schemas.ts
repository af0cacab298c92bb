import { z } from 'zod';
import type { BudgetLineCreate, ExpenditureCreate, PlanCreate } from '@/lib/api-types';
import { BUDGET_CATEGORIES, FUNDING_SOURCES, PLAN_INDICATORS } from '@/lib/enums';
import { v } from '@/lib/form';
import { emptyToNull, optionalDate, requiredDate } from '@/lib/zod-helpers';

export function todayIso(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

const notInFuture = optionalDate.refine((s) => s === '' || s <= todayIso(), v('notInFuture'));

/** A decimal typed with "," or "." as separator: "0,5" → "0.5". */
export function normaliseDecimal(s: string): string {
  return s.trim().replace(/\s/g, '').replace(',', '.');
}

const decimalText = z.string().refine((s) => /^\d+(\.\d{1,4})?$/.test(normaliseDecimal(s)), v('decimal'));

export const targetFormSchema = z.object({
  indicator: z.enum(PLAN_INDICATORS),
  target_value: decimalText,
  note: z.string().max(500, v('tooLong')),
});
export type TargetFormValues = z.infer<typeof targetFormSchema>;

export const planFormSchema = z.object({
  year: z.string().refine((s) => /^\d{4}$/.test(s.trim()) && Number(s) >= 2010 && Number(s) <= 2100, v('year')),
  number: z.string().trim().min(1, v('required')).max(60, v('tooLong')),
  title: z.string().trim().min(3, v('tooShort')).max(500, v('tooLong')),
  issued_on: notInFuture,
  legal_basis: z.string().max(4000, v('tooLong')),
  org_unit_id: z.string().min(1, v('orgUnitRequired')),
  targets: z.array(targetFormSchema).max(40),
});
export type PlanFormValues = z.infer<typeof planFormSchema>;
export const PLAN_FIELDS = Object.keys(planFormSchema.shape);

export function emptyPlan(orgUnitId: string | null): PlanFormValues {
  return {
    year: String(new Date().getFullYear()),
    number: '',
    title: '',
    issued_on: '',
    legal_basis: '',
    org_unit_id: orgUnitId ?? '',
    targets: [],
  };
}

export function planBody(values: PlanFormValues): PlanCreate {
  return {
    org_unit_id: values.org_unit_id,
    year: Number(values.year),
    number: values.number.trim(),
    title: values.title.trim(),
    issued_on: values.issued_on || null,
    legal_basis: emptyToNull(values.legal_basis),
    // Decimal strings, never floats: "0.5" stays exactly 0.5.
    targets: values.targets.map((tg) => ({
      indicator: tg.indicator,
      target_value: normaliseDecimal(tg.target_value),
      note: emptyToNull(tg.note),
    })),
  };
}

const money = z
  .number()
  .nullable()
  .refine((n): boolean => n !== null, v('required'))
  .refine((n) => n === null || (Number.isSafeInteger(n) && n >= 0), v('money'));

/** Once the plan is approved, a new line says why it is added (a recorded revision). */
export function budgetLineFormSchema(approved: boolean) {
  return z
    .object({
      code: z.string().trim().min(1, v('required')).max(30, v('tooLong')),
      title: z.string().trim().min(2, v('tooShort')).max(300, v('tooLong')),
      category: z.enum(BUDGET_CATEGORIES),
      funding_source: z.enum(FUNDING_SOURCES),
      allocated_vnd: money,
      revision_reason: z.string().max(2000, v('tooLong')),
    })
    .refine((f) => !approved || f.revision_reason.trim() !== '', {
      message: v('required'),
      path: ['revision_reason'],
    });
}
export type BudgetLineFormValues = z.infer<ReturnType<typeof budgetLineFormSchema>>;
export const BUDGET_LINE_FIELDS = ['code', 'title', 'category', 'funding_source', 'allocated_vnd', 'revision_reason'];

export function budgetLineBody(planId: string, values: BudgetLineFormValues, approved: boolean): BudgetLineCreate {
  return {
    plan_id: planId,
    code: values.code.trim(),
    title: values.title.trim(),
    category: values.category,
    funding_source: values.funding_source,
    allocated_vnd: values.allocated_vnd ?? 0,
    revision_reason: approved ? values.revision_reason.trim() : emptyToNull(values.revision_reason),
  };
}

/** Changing the amount of an approved plan's line: the new amount and why. */
export const revisionFormSchema = z.object({
  allocated_vnd: money,
  revision_reason: z.string().trim().min(1, v('required')).max(2000, v('tooLong')),
});
export type RevisionFormValues = z.infer<typeof revisionFormSchema>;
export const REVISION_FIELDS = Object.keys(revisionFormSchema.shape);

export function expenditureFormSchema(year: number | null) {
  return z.object({
    budget_line_id: z.string().min(1, v('required')),
    spent_on: requiredDate
      .refine((s) => s <= todayIso(), v('notInFuture'))
      .refine((s) => year === null || s.startsWith(`${year}-`), v('planYear')),
    amount_vnd: z
      .number()
      .nullable()
      .refine((n): boolean => n !== null, v('required'))
      .refine((n) => n === null || (Number.isSafeInteger(n) && n > 0), v('money')),
    description: z.string().trim().min(2, v('tooShort')).max(500, v('tooLong')),
    activity_id: z.string(),
    voucher_no: z.string().max(60, v('tooLong')),
  });
}
export type ExpenditureFormValues = z.infer<ReturnType<typeof expenditureFormSchema>>;
export const EXPENDITURE_FIELDS = [
  'budget_line_id',
  'spent_on',
  'amount_vnd',
  'description',
  'activity_id',
  'voucher_no',
  'override_reason',
];

export function expenditureBody(values: ExpenditureFormValues, overrideReason?: string | null): ExpenditureCreate {
  return {
    budget_line_id: values.budget_line_id,
    spent_on: values.spent_on,
    amount_vnd: values.amount_vnd ?? 0,
    description: values.description.trim(),
    activity_id: values.activity_id || null,
    voucher_no: emptyToNull(values.voucher_no),
    ...(overrideReason ? { override_reason: overrideReason.trim() } : {}),
  };
}
