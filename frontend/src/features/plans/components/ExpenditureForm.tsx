import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { MoneyInput } from '@/components/MoneyInput';
import type { BudgetLine } from '@/lib/api-types';
import { useCan } from '@/lib/can';
import { formatVnd, newIdempotencyKey } from '@/lib/format';
import { useErrorText } from '@/lib/form';
import { ApiError, handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { useCreateExpenditure } from '../api/expenditures';
import { overspendOf, type Overspend } from '../overspend';
import {
  EXPENDITURE_FIELDS,
  expenditureBody,
  expenditureFormSchema,
  todayIso,
  type ExpenditureFormValues,
} from '../schemas';
import { ActivitySelect } from './ActivitySelect';

interface Props {
  lines: BudgetLine[];
  year: number;
  orgUnitId: string;
  /** Preselected line. */
  lineId?: string;
  onDone: () => void;
}

function defaultSpentOn(year: number): string {
  const today = todayIso();
  return today.startsWith(`${year}-`) ? today : '';
}

/**
 * Records an expenditure. Beyond what the line has left, the API refuses with 409 and the amount left;
 * the form then shows it and lets the person record the expenditure anyway with a reason (audited).
 */
export function ExpenditureForm({ lines, year, orgUnitId, lineId, onDone }: Props) {
  const { t } = useTranslation('plans');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const canPickActivity = useCan('activities:read');
  const create = useCreateExpenditure();
  // One key per attempt that may create something; a refused (4xx) attempt created nothing.
  const keyRef = useRef(newIdempotencyKey());
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [overspend, setOverspend] = useState<(Overspend & { amount: number }) | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const {
    register,
    control,
    handleSubmit,
    setError,
    getValues,
    formState: { errors, isSubmitting },
  } = useForm<ExpenditureFormValues>({
    resolver: zodResolver(expenditureFormSchema(year)),
    defaultValues: {
      budget_line_id: lineId ?? lines[0]?.id ?? '',
      spent_on: defaultSpentOn(year),
      amount_vnd: null,
      description: '',
      activity_id: '',
      voucher_no: '',
    },
  });

  async function send(values: ExpenditureFormValues, overrideReason: string | null) {
    setFailure(null);
    try {
      await create.mutateAsync({ body: expenditureBody(values, overrideReason), idempotencyKey: keyRef.current });
      keyRef.current = newIdempotencyKey();
      setOverspend(null);
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status >= 400 && err.status < 500) keyRef.current = newIdempotencyKey();
      const over = overspendOf(err);
      if (over) {
        setOverspend({ ...over, amount: values.amount_vnd ?? 0 });
        return;
      }
      setFailure(handleSubmitError(err, setError, EXPENDITURE_FIELDS, tc('errors.unexpected')));
    }
  }

  const onSubmit = handleSubmit(async (values) => {
    setOverspend(null);
    setReasonError(null);
    await send(values, null);
  });

  async function confirmOverride() {
    if (!reason.trim()) {
      setReasonError(tc('validation.required'));
      return;
    }
    setReasonError(null);
    setBusy(true);
    try {
      await send(getValues(), reason);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form form--panel" onSubmit={onSubmit} noValidate data-testid="expenditure-form">
      <h3>{t('expenditures.new')}</h3>
      <FormMessages failure={failure} />
      <div className="form__row">
        <Field label={t('expenditures.line')} error={errorText(errors.budget_line_id)} required>
          <select
            data-testid="expenditure-line"
            {...register('budget_line_id', { onChange: () => setOverspend(null) })}
          >
            {lines.map((l) => (
              <option key={l.id} value={l.id}>
                {t('expenditures.lineOption', { code: l.code, title: l.title, remaining: formatVnd(l.remaining_vnd) })}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('expenditures.spentOn')} error={errorText(errors.spent_on)} required>
          <input
            type="date"
            min={`${year}-01-01`}
            max={todayIso() < `${year}-12-31` ? todayIso() : `${year}-12-31`}
            data-testid="expenditure-date"
            {...register('spent_on')}
          />
        </Field>
        <Field label={t('expenditures.amount')} error={errorText(errors.amount_vnd)} hint={t('moneyHint')} required>
          {(controlProps) => (
            <Controller
              control={control}
              name="amount_vnd"
              render={({ field }) => (
                <MoneyInput
                  {...controlProps}
                  value={field.value}
                  onChange={(value) => {
                    setOverspend(null);
                    field.onChange(value);
                  }}
                  onBlur={field.onBlur}
                  name={field.name}
                  ref={field.ref}
                  data-testid="expenditure-amount"
                />
              )}
            />
          )}
        </Field>
      </div>
      <Field label={t('expenditures.description')} error={errorText(errors.description)} required>
        <input type="text" data-testid="expenditure-description" {...register('description')} />
      </Field>
      <div className="form__row">
        <Field label={t('expenditures.voucher')} error={errorText(errors.voucher_no)}>
          <input type="text" maxLength={60} data-testid="expenditure-voucher" {...register('voucher_no')} />
        </Field>
        {canPickActivity ? (
          <Field
            label={t('expenditures.activity')}
            error={errorText(errors.activity_id)}
            hint={t('expenditures.activityHint')}
          >
            <ActivitySelect
              year={year}
              orgUnitId={orgUnitId}
              data-testid="expenditure-activity"
              {...register('activity_id')}
            />
          </Field>
        ) : null}
      </div>

      {overspend ? (
        <Alert kind="warning" testId="overspend-alert" title={t('overspend.title')}>
          <p data-testid="overspend-remaining">
            {t('overspend.body', {
              remaining: formatVnd(overspend.remaining_vnd),
              amount: formatVnd(overspend.amount),
              excess: formatVnd(overspend.amount - overspend.remaining_vnd),
            })}
          </p>
          <div className={`field${reasonError ? ' field--error' : ''}`}>
            <label htmlFor="override-reason">
              {t('overspend.reason')}
              <span className="field__required" aria-hidden="true">
                {' '}
                *
              </span>
            </label>
            <textarea
              id="override-reason"
              rows={2}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby="override-reason-hint"
              data-testid="override-reason"
            />
            <p className="field__hint" id="override-reason-hint">
              {t('overspend.reasonHint')}
            </p>
            {reasonError ? (
              <p className="field__error" role="alert">
                {reasonError}
              </p>
            ) : null}
          </div>
          <div className="form__actions">
            <button
              type="button"
              className="btn btn--danger"
              onClick={() => void confirmOverride()}
              disabled={busy}
              data-testid="override-submit"
            >
              {busy ? tc('actions.saving') : t('overspend.submit')}
            </button>
          </div>
        </Alert>
      ) : null}

      <div className="form__actions">
        <button
          type="submit"
          className="btn btn--primary"
          disabled={isSubmitting || busy}
          data-testid="expenditure-submit"
        >
          {isSubmitting ? tc('actions.saving') : t('expenditures.submit')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
