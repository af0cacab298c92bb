import { z } from 'zod';
import type { ReportAction, ReportCreate, ReportStatus, ReportTransition } from '@/lib/api-types';
import { v } from '@/lib/form';
import { parsePeriod } from '@/lib/period';
import { emptyToNull } from '@/lib/zod-helpers';

export const REPORT_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'returned',
] as const satisfies readonly ReportStatus[];

/** Still with the reporting unit: its comments may change and it may be submitted. */
export function isOpen(status: ReportStatus | 'missing'): boolean {
  return status === 'draft' || status === 'returned' || status === 'missing';
}

const comment = z.string().max(8000, v('tooLong'));

export const reportFormSchema = z.object({
  org_unit_id: z.string().min(1, v('orgUnitRequired')),
  period: z.string().refine((s) => parsePeriod(s) !== null, v('period')),
  comment,
});
export type ReportFormValues = z.infer<typeof reportFormSchema>;
export const REPORT_FIELDS = Object.keys(reportFormSchema.shape);

export function reportBody(values: ReportFormValues): ReportCreate {
  return { org_unit_id: values.org_unit_id, period: values.period, comment: emptyToNull(values.comment) };
}

export const commentFormSchema = z.object({ comment });
export type CommentFormValues = z.infer<typeof commentFormSchema>;
export const COMMENT_FIELDS = ['comment'];

/** A return says what must be corrected; an approval may say something; a submission carries no comment. */
export const transitionFormSchema = z
  .object({ action: z.enum(['submit', 'approve', 'return']), comment })
  .refine((f) => f.action !== 'return' || f.comment.trim() !== '', {
    message: v('returnComment'),
    path: ['comment'],
  });
export type TransitionFormValues = z.infer<typeof transitionFormSchema>;

export function transitionBody(values: TransitionFormValues): ReportTransition {
  // Submitting with a comment would replace the report's own comments: those are edited on their own.
  if (values.action === 'submit') return { action: 'submit' };
  return { action: values.action as ReportAction, comment: emptyToNull(values.comment) };
}
