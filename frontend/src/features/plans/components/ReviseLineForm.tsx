import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { MoneyInput } from '@/components/MoneyInput';
import { Loading } from '@/components/Status';
import { ErrorView } from '@/components/ErrorView';
import { formatVnd } from '@/lib/format';
import { useErrorText } from '@/lib/form';
import { handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { useBudgetLine, useUpdateBudgetLine } from '../api/budget-lines';
import { REVISION_FIELDS, revisionFormSchema, type RevisionFormValues } from '../schemas';

/** On an approved plan only a line's amount changes, with a reason, sent with the ETag read (If-Match). */
export function ReviseLineForm({ lineId, current, onDone }: { lineId: string; current: number; onDone: () => void }) {
  const { t } = useTranslation('plans');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const line = useBudgetLine(lineId);
  const update = useUpdateBudgetLine(lineId);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RevisionFormValues>({
    resolver: zodResolver(revisionFormSchema),
    defaultValues: { allocated_vnd: current, revision_reason: '' },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await update.mutateAsync({
        body: { allocated_vnd: values.allocated_vnd, revision_reason: values.revision_reason.trim() },
        etag: line.data?.etag ?? null,
      });
      onDone();
    } catch (err) {
      setFailure(handleSubmitError(err, setError, REVISION_FIELDS, tc('errors.unexpected')));
    }
  });
  if (line.isPending) return <Loading />;
  if (line.isError) return <ErrorView error={line.error} onRetry={() => void line.refetch()} />;
  return (
    <form className="form form--panel" onSubmit={onSubmit} noValidate data-testid="revise-form">
      <p className="muted small">{t('revisions.current', { amount: formatVnd(line.data.item.allocated_vnd) })}</p>
      <FormMessages failure={failure} onReload={() => void line.refetch()} />
      <Field label={t('revisions.newAmount')} error={errorText(errors.allocated_vnd)} required>
        {(controlProps) => (
          <Controller
            control={control}
            name="allocated_vnd"
            render={({ field }) => (
              <MoneyInput
                {...controlProps}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                name={field.name}
                ref={field.ref}
                data-testid="revise-amount"
              />
            )}
          />
        )}
      </Field>
      <Field label={t('revisions.reason')} error={errorText(errors.revision_reason)} required>
        <textarea rows={2} data-testid="revise-reason" {...register('revision_reason')} />
      </Field>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="revise-submit">
          {isSubmitting ? tc('actions.saving') : t('revisions.submit')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
