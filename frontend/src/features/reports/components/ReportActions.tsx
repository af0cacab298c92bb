import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { Field } from '@/components/Field';
import type { Report, ReportAction } from '@/lib/api-types';
import { useErrorText } from '@/lib/form';
import { ApiError, applyProblemToForm } from '@/lib/problem';
import { useTransitionReport } from '../api/reports';
import { transitionBody, transitionFormSchema, type TransitionFormValues } from '../schemas';

type Message = { kind: 'error' | 'success' | 'warning'; title?: string; text: string };

/**
 * Submit (the unit, `can_submit`), approve or return (the level above, `can_review`) — as the API says for
 * this report and this user; the SPA does not work it out from the role.
 */
export function ReportActions({
  report,
  etag,
  onReload,
}: {
  report: Report;
  etag: string | null;
  onReload: () => Promise<unknown>;
}) {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const transition = useTransitionReport(report.id);
  const [message, setMessage] = useState<Message | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TransitionFormValues>({
    resolver: zodResolver(transitionFormSchema),
    defaultValues: { action: undefined, comment: '' },
  });
  const chosen = watch('action') as ReportAction | undefined;

  const actions: ReportAction[] = [
    ...(report.can_submit ? (['submit'] as const) : []),
    ...(report.can_review ? (['approve', 'return'] as const) : []),
  ];
  const actionLabel = (action: ReportAction) =>
    action === 'submit' && report.status === 'returned' ? t('actions.resubmit') : t(`actions.${action}`);

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    try {
      await transition.mutateAsync({ body: transitionBody(values), etag });
      reset({ action: undefined, comment: '' });
      setMessage({ kind: 'success', text: t(`actions.done.${values.action}`) });
    } catch (err) {
      if (err instanceof ApiError && (err.status === 409 || err.status === 412)) {
        reset({ action: undefined, comment: '' });
        await onReload();
        setMessage({ kind: 'warning', text: t('actions.conflict') });
        return;
      }
      if (err instanceof ApiError && err.status === 403) {
        setMessage({ kind: 'error', title: t('actions.forbidden'), text: err.problem.detail || err.message });
        return;
      }
      if (err instanceof ApiError) {
        const { unmatched } = applyProblemToForm(err.problem, setError, ['comment']);
        if (unmatched.length) setMessage({ kind: 'error', text: unmatched.join(' ') });
        return;
      }
      setMessage({ kind: 'error', text: tc('errors.unexpected') });
    }
  });

  return (
    <div className="transitions" data-testid="report-actions">
      {message ? (
        <Alert kind={message.kind} title={message.title} testId="action-message">
          {message.text}
        </Alert>
      ) : null}
      {actions.length === 0 && report.status === 'submitted' ? (
        <p className="muted" data-testid="waiting-review">
          {t('actions.waitingReview')}
        </p>
      ) : null}
      {actions.length ? (
        <div className="transitions__buttons" role="group" aria-label={t('actions.title')}>
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={`btn ${chosen === action ? 'btn--primary' : action === 'return' ? 'btn--ghost' : 'btn--secondary'}`}
              aria-pressed={chosen === action}
              data-testid={`action-${action}`}
              onClick={() => {
                setMessage(null);
                reset({ action: chosen === action ? undefined : action, comment: '' });
              }}
            >
              {actionLabel(action)}
            </button>
          ))}
        </div>
      ) : null}
      {chosen ? (
        <form className="transitions__form" onSubmit={onSubmit} noValidate data-testid="action-form">
          <input type="hidden" {...register('action')} />
          {chosen === 'submit' ? (
            <p data-testid="submit-note">{t('actions.submitConfirm')}</p>
          ) : (
            <Field
              label={chosen === 'return' ? t('actions.returnComment') : t('actions.approveComment')}
              hint={chosen === 'return' ? t('actions.returnHint') : undefined}
              error={errorText(errors.comment)}
              required={chosen === 'return'}
            >
              <textarea rows={3} data-testid="action-comment" {...register('comment')} />
            </Field>
          )}
          <div className="form__actions">
            <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="action-confirm">
              {isSubmitting ? tc('actions.saving') : t('actions.confirm', { action: actionLabel(chosen) })}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => reset({ action: undefined, comment: '' })}>
              {tc('actions.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
