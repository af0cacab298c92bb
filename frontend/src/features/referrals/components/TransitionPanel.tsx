import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { Field } from '@/components/Field';
import type { Referral, ReferralStatus } from '@/lib/api-types';
import { useErrorText } from '@/lib/form';
import { ApiError, applyProblemToForm } from '@/lib/problem';
import { useTransitionReferral } from '../api/transition-referral';
import { transitionBody, transitionFormSchema, transitionText, type TransitionFormValues } from '../schemas';

const DANGER: ReferralStatus[] = ['declined', 'not_completed', 'cancelled'];

/** The buttons of the steps the API says the caller may take next (`allowed_transitions`). */
export function TransitionPanel({ referral, compact = false }: { referral: Referral; compact?: boolean }) {
  const { t } = useTranslation('referrals');
  const { t: te } = useTranslation('enums');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const transition = useTransitionReferral();
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const allowed = referral.allowed_transitions ?? [];
  const {
    register,
    handleSubmit,
    setError,
    watch,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<TransitionFormValues>({
    resolver: zodResolver(transitionFormSchema),
    defaultValues: { to: '', text: '' },
  });
  const chosen = watch('to') as ReferralStatus | '';

  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    try {
      const updated = await transition.mutateAsync({ id: referral.id, body: transitionBody(values) });
      reset({ to: '', text: '' });
      setMessage({ kind: 'success', text: t('actions.done', { status: te(`referralStatus.${updated.status}`) }) });
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        const list = (err.problem as { allowed?: ReferralStatus[] }).allowed ?? [];
        setMessage({
          kind: 'error',
          text: t('actions.conflict', { allowed: list.map((s) => te(`referralStatus.${s}`)).join(', ') || '—' }),
        });
        reset({ to: '', text: '' });
        return;
      }
      if (err instanceof ApiError) {
        // decline_reason / outcome / note all land on the one text box.
        const problem = {
          ...err.problem,
          errors: err.problem.errors?.map((e) => ({
            ...e,
            loc: e.loc.map((p) => (p === 'decline_reason' || p === 'outcome' || p === 'note' ? 'text' : p)),
          })),
        };
        const { unmatched } = applyProblemToForm(problem, setError, ['text']);
        if (unmatched.length) setMessage({ kind: 'error', text: unmatched.join(' ') });
        return;
      }
      setMessage({ kind: 'error', text: tc('errors.unexpected') });
    }
  });

  if (allowed.length === 0 && !message) {
    return compact ? null : <p className="muted">{t('actions.none')}</p>;
  }
  const text = chosen ? transitionText(chosen) : null;
  const textLabel =
    text?.field === 'decline_reason'
      ? t('fields.declineReason')
      : text?.field === 'outcome'
        ? t('fields.outcome')
        : t('fields.note');
  const textHint =
    chosen === 'declined'
      ? t('actions.declineReasonHint')
      : chosen === 'not_completed'
        ? t('actions.outcomeRequiredHint')
        : chosen === 'completed'
          ? t('actions.outcomeHint')
          : undefined;

  return (
    <div className="transitions" data-testid="referral-actions">
      {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
      {allowed.length ? (
        <div className="transitions__buttons" role="group" aria-label={t('actions.title')}>
          {allowed.map((to) => (
            <button
              key={to}
              type="button"
              className={`btn ${chosen === to ? 'btn--primary' : DANGER.includes(to) ? 'btn--ghost' : 'btn--secondary'}`}
              aria-pressed={chosen === to}
              data-testid={`transition-${to}`}
              onClick={() => {
                setMessage(null);
                reset({ to: chosen === to ? '' : to, text: '' });
              }}
            >
              {t(`actions.to.${to}`)}
            </button>
          ))}
        </div>
      ) : null}
      {chosen ? (
        <form className="transitions__form" onSubmit={onSubmit} noValidate data-testid="transition-form">
          <input type="hidden" {...register('to')} />
          <Field label={textLabel} hint={textHint} error={errorText(errors.text)} required={text?.required}>
            <textarea rows={2} data-testid="transition-text" {...register('text')} />
          </Field>
          <div className="form__actions">
            <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="transition-confirm">
              {isSubmitting ? tc('actions.saving') : t('actions.confirm', { action: t(`actions.to.${chosen}`) })}
            </button>
            <button type="button" className="btn btn--ghost" onClick={() => reset({ to: '', text: '' })}>
              {tc('actions.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
