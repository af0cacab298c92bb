import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { MoneyInput } from '@/components/MoneyInput';
import { BUDGET_CATEGORIES, FUNDING_SOURCES } from '@/lib/enums';
import { useErrorText } from '@/lib/form';
import { handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { useCreateBudgetLine } from '../api/budget-lines';
import { BUDGET_LINE_FIELDS, budgetLineBody, budgetLineFormSchema, type BudgetLineFormValues } from '../schemas';

export function BudgetLineForm({
  planId,
  approved,
  onDone,
}: {
  planId: string;
  approved: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation('plans');
  const { t: te } = useTranslation('enums');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const create = useCreateBudgetLine();
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<BudgetLineFormValues>({
    resolver: zodResolver(budgetLineFormSchema(approved)),
    defaultValues: {
      code: '',
      title: '',
      category: 'peer_groups',
      funding_source: 'provincial',
      allocated_vnd: null,
      revision_reason: '',
    },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await create.mutateAsync(budgetLineBody(planId, values, approved));
      onDone();
    } catch (err) {
      setFailure(handleSubmitError(err, setError, BUDGET_LINE_FIELDS, tc('errors.unexpected')));
    }
  });
  return (
    <form className="form form--panel" onSubmit={onSubmit} noValidate data-testid="line-form">
      <h3>{t('lines.new')}</h3>
      <FormMessages failure={failure} />
      <div className="form__row">
        <Field label={t('lines.code')} error={errorText(errors.code)} hint={t('lines.codeHint')} required>
          <input type="text" maxLength={30} data-testid="line-code" {...register('code')} />
        </Field>
        <Field label={t('lines.title')} error={errorText(errors.title)} required>
          <input type="text" data-testid="line-title" {...register('title')} />
        </Field>
      </div>
      <div className="form__row">
        <Field label={t('lines.category')} error={errorText(errors.category)} required>
          <select data-testid="line-category" {...register('category')}>
            {BUDGET_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {te(`budgetCategory.${c}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('lines.source')} error={errorText(errors.funding_source)} required>
          <select data-testid="line-source" {...register('funding_source')}>
            {FUNDING_SOURCES.map((s) => (
              <option key={s} value={s}>
                {te(`fundingSource.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('lines.allocated')} error={errorText(errors.allocated_vnd)} hint={t('moneyHint')} required>
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
                  data-testid="line-allocated"
                />
              )}
            />
          )}
        </Field>
      </div>
      {approved ? (
        <Field
          label={t('lines.revisionReason')}
          error={errorText(errors.revision_reason)}
          hint={t('lines.addReasonHint')}
          required
        >
          <textarea rows={2} data-testid="line-revision-reason" {...register('revision_reason')} />
        </Field>
      ) : null}
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="line-submit">
          {isSubmitting ? tc('actions.saving') : t('lines.submit')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onDone}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
