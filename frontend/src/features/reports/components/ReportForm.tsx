import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import { PeriodPicker } from '@/components/PeriodPicker';
import { OrgUnitPicker } from '@/features/org-units/components/OrgUnitPicker';
import { orgUnitLabel } from '@/features/org-units/format';
import { newIdempotencyKey } from '@/lib/format';
import { useErrorText } from '@/lib/form';
import { ApiError, handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { findReportId, useCreateReport } from '../api/reports';
import { REPORT_FIELDS, reportBody, reportFormSchema, type ReportFormValues } from '../schemas';

interface Props {
  initial: ReportFormValues;
  initialOrgUnitLabel?: string | null;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

/** A unit of the user's area and a period; 409 when that unit already reports for it (then a link to it). */
export function ReportForm({ initial, initialOrgUnitLabel, onSaved, onCancel }: Props) {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const create = useCreateReport();
  const [idempotencyKey, setIdempotencyKey] = useState(() => newIdempotencyKey());
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const [existing, setExisting] = useState<string | null>(null);
  const [orgUnitText, setOrgUnitText] = useState<string | null>(initialOrgUnitLabel ?? null);
  const {
    register,
    control,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReportFormValues>({ resolver: zodResolver(reportFormSchema), defaultValues: initial });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    setExisting(null);
    try {
      const created = await create.mutateAsync({ body: reportBody(values), idempotencyKey });
      onSaved(created.item.id);
    } catch (err) {
      // A refused request created nothing: the next try is a new request.
      setIdempotencyKey(newIdempotencyKey());
      setFailure(handleSubmitError(err, setError, REPORT_FIELDS, tc('errors.unexpected')));
      if (err instanceof ApiError && err.status === 409)
        setExisting(await findReportId(values.org_unit_id, values.period));
    }
  });

  return (
    <form className="form form--panel" onSubmit={onSubmit} noValidate data-testid="report-form">
      <h2>{t('create.title')}</h2>
      <p className="muted small">{t('create.hint')}</p>
      <FormMessages failure={failure} />
      <div className="form__row">
        <Field label={t('fields.orgUnit')} error={errorText(errors.org_unit_id)} required>
          {(controlProps) => (
            <Controller
              control={control}
              name="org_unit_id"
              render={({ field }) => (
                <OrgUnitPicker
                  {...controlProps}
                  value={field.value || null}
                  fallbackLabel={orgUnitText}
                  onChange={(id, unit) => {
                    setOrgUnitText(unit ? orgUnitLabel(unit) : null);
                    field.onChange(id ?? '');
                  }}
                  onBlur={field.onBlur}
                  name={field.name}
                  data-testid="report-org-unit"
                />
              )}
            />
          )}
        </Field>
        <Field label={t('fields.period')} error={errorText(errors.period)} required>
          {(controlProps) => (
            <Controller
              control={control}
              name="period"
              render={({ field }) => (
                <PeriodPicker
                  {...controlProps}
                  value={field.value}
                  onChange={(code) => field.onChange(code ?? '')}
                  data-testid="report-period"
                />
              )}
            />
          )}
        </Field>
      </div>
      {existing ? (
        <p>
          <Link to={`/reports/${existing}`} className="btn btn--secondary" data-testid="report-existing">
            {t('create.openExisting')}
          </Link>
        </p>
      ) : null}
      <Field label={t('fields.comment')} error={errorText(errors.comment)} hint={t('fields.commentHint')}>
        <textarea rows={3} data-testid="report-comment" {...register('comment')} />
      </Field>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="report-submit">
          {isSubmitting ? tc('actions.saving') : t('create.submit')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
