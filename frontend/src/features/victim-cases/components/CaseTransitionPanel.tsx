import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { Field } from '@/components/Field';
import type { CaseStatus, VictimCase } from '@/lib/api-types';
import { useErrorText } from '@/lib/form';
import { ApiError, applyProblemToForm } from '@/lib/problem';
import { emptyToNull } from '@/lib/zod-helpers';
import { useTransitionVictimCase } from '../api/cases';
import { caseTransitionSchema, todayIso, type CaseTransitionValues } from '../schemas';

/** The next steps the API allows (`allowed_transitions`), each dated; closing needs a reason. */
export function CaseTransitionPanel({ victimCase }: { victimCase: VictimCase }) {
  const { t } = useTranslation('victims');
  const { t: te } = useTranslation('enums');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const transition = useTransitionVictimCase(victimCase.id);
  const [message, setMessage] = useState<string | null>(null);
  const allowed = victimCase.allowed_transitions ?? [];
  const {
    register,
    handleSubmit,
    setError,
    reset,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<CaseTransitionValues>({
    resolver: zodResolver(caseTransitionSchema),
    defaultValues: { to: '', on: todayIso(), reason: '' },
  });
  const chosen = watch('to') as CaseStatus | '';
  const onSubmit = handleSubmit(async (values) => {
    setMessage(null);
    try {
      await transition.mutateAsync({ to: values.to as CaseStatus, on: values.on, reason: emptyToNull(values.reason) });
      reset({ to: '', on: todayIso(), reason: '' });
    } catch (err) {
      if (err instanceof ApiError) {
        const { unmatched } = applyProblemToForm(err.problem, setError, ['on', 'reason']);
        if (unmatched.length) setMessage(unmatched.join(' '));
      } else setMessage(tc('errors.unexpected'));
    }
  });
  if (allowed.length === 0) return <p className="muted">{t('steps.none')}</p>;
  return (
    <div className="transitions" data-testid="case-actions">
      {message ? <Alert>{message}</Alert> : null}
      <div className="transitions__buttons">
        {allowed.map((to) => (
          <button
            key={to}
            type="button"
            className={`btn ${chosen === to ? 'btn--primary' : to === 'closed' ? 'btn--ghost' : 'btn--secondary'}`}
            aria-pressed={chosen === to}
            onClick={() => reset({ to: chosen === to ? '' : to, on: todayIso(), reason: '' })}
            data-testid={`case-transition-${to}`}
          >
            {t(`steps.to.${to}`)}
          </button>
        ))}
      </div>
      {chosen ? (
        <form className="transitions__form" onSubmit={onSubmit} noValidate data-testid="case-transition-form">
          <div className="form__row">
            <Field label={t('steps.on')} error={errorText(errors.on)} required>
              <input type="date" max={todayIso()} data-testid="case-transition-on" {...register('on')} />
            </Field>
          </div>
          <Field label={t('steps.reason')} error={errorText(errors.reason)} required={chosen === 'closed'}>
            <textarea rows={2} data-testid="case-transition-reason" {...register('reason')} />
          </Field>
          <div className="form__actions">
            <button
              type="submit"
              className="btn btn--primary"
              disabled={isSubmitting}
              data-testid="case-transition-confirm"
            >
              {isSubmitting ? tc('actions.saving') : t('steps.confirm', { step: te(`caseStatus.${chosen}`) })}
            </button>
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => reset({ to: '', on: todayIso(), reason: '' })}
            >
              {tc('actions.cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
