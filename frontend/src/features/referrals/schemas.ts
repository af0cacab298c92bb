import { z } from 'zod';
import type { ReferralStatus, ReferralTransition, ServiceType } from '@/lib/api-types';
import { v } from '@/lib/form';
import { emptyToNull, optionalDate } from '@/lib/zod-helpers';

/** Board columns; "closed" gathers every end state. */
export const BOARD_COLUMNS = ['draft', 'sent', 'accepted', 'closed'] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];
export const CLOSED_STATUSES = [
  'completed',
  'not_completed',
  'declined',
  'cancelled',
] as const satisfies readonly ReferralStatus[];

/** Which text a step asks for: decline needs a reason, "not completed" an outcome, completion may carry one. */
export function transitionText(to: ReferralStatus): {
  field: 'decline_reason' | 'outcome' | 'note';
  required: boolean;
} {
  if (to === 'declined') return { field: 'decline_reason', required: true };
  if (to === 'not_completed') return { field: 'outcome', required: true };
  if (to === 'completed') return { field: 'outcome', required: false };
  return { field: 'note', required: false };
}

export const transitionFormSchema = z
  .object({ to: z.string(), text: z.string().max(2000, v('tooLong')) })
  .refine((f) => !transitionText(f.to as ReferralStatus).required || f.text.trim() !== '', {
    message: v('required'),
    path: ['text'],
  });
export type TransitionFormValues = z.infer<typeof transitionFormSchema>;

export function transitionBody(values: TransitionFormValues): ReferralTransition {
  const to = values.to as ReferralStatus;
  const { field } = transitionText(to);
  const text = emptyToNull(values.text);
  return text ? { to, [field]: text } : { to };
}

/** Refer from a contact: one provider (or none) per need. */
export const referFormSchema = z.object({
  providers: z.record(z.string(), z.string()),
  reason: z.string().max(2000, v('tooLong')),
  follow_up_due_on: optionalDate,
  send: z.boolean(),
  legal_basis: z.string().max(500, v('tooLong')),
  legal_basis_reason: z.string().max(2000, v('tooLong')),
});
export type ReferFormValues = z.infer<typeof referFormSchema>;
export const REFER_FORM_FIELDS = Object.keys(referFormSchema.shape);

/** A single referral for a known client (victim case page). */
export const referralCreateSchema = z.object({
  service_type: z.string().min(1, v('required')),
  to_organisation_id: z.string().min(1, v('required')),
  reason: z.string().max(2000, v('tooLong')),
  follow_up_due_on: optionalDate,
  send: z.boolean(),
  legal_basis: z.string().max(500, v('tooLong')),
  legal_basis_reason: z.string().max(2000, v('tooLong')),
});
export type ReferralCreateValues = z.infer<typeof referralCreateSchema>;
export const REFERRAL_CREATE_FIELDS = Object.keys(referralCreateSchema.shape);

export function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}

export function legalBasisFields(values: { legal_basis: string; legal_basis_reason: string }) {
  const legal_basis = emptyToNull(values.legal_basis);
  const legal_basis_reason = emptyToNull(values.legal_basis_reason);
  return {
    ...(legal_basis ? { legal_basis } : {}),
    ...(legal_basis_reason ? { legal_basis_reason } : {}),
  };
}

export type { ServiceType };
