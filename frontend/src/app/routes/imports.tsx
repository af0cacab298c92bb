import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { ErrorView } from '@/components/ErrorView';
import { Field } from '@/components/Field';
import { PageHeader } from '@/components/PageHeader';
import { Loading } from '@/components/Status';
import { downloadTemplate } from '@/features/imports/api/download-template';
import { useImportJob } from '@/features/imports/api/import-job';
import { useImportable } from '@/features/imports/api/list-importable';
import { runImport } from '@/features/imports/api/run-import';
import { ImportSummary } from '@/features/imports/components/ImportSummary';
import { importFormSchema, type ImportFormValues, type ImportResult } from '@/features/imports/schemas';
import { useErrorText } from '@/lib/form';

/** Import a register: choose what, get the template, check the file (dry run), then import it. */
export function ImportRoute() {
  const { t } = useTranslation('imports');
  const { t: tc } = useTranslation();
  const errorText = useErrorText();
  const resources = useImportable();
  const [result, setResult] = useState<ImportResult | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const job = useImportJob(jobId);
  const {
    register,
    handleSubmit,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<ImportFormValues>({ resolver: zodResolver(importFormSchema), defaultValues: { resource: '' } });
  const resource = watch('resource');
  const chosen = resources.data?.find((r) => r.name === resource);
  const shown = result ?? (job.data?.result as ImportResult | null | undefined) ?? null;

  const submit = (dryRun: boolean) =>
    handleSubmit(async (values) => {
      setFailure(null);
      setResult(null);
      setJobId(null);
      const file = values.file[0];
      if (!file) return;
      try {
        const answer = await runImport(values.resource, file, dryRun);
        if (answer.kind === 'job') setJobId(answer.job.id);
        else setResult(answer.result);
      } catch (err) {
        setFailure(err instanceof Error && err.message ? err.message : tc('errors.unexpected'));
      }
    });

  if (resources.isPending) return <Loading />;
  if (resources.isError) return <ErrorView error={resources.error} onRetry={() => void resources.refetch()} />;

  return (
    <>
      <PageHeader title={t('title')} />
      <p className="muted">{t('intro')}</p>
      <form className="form" noValidate onSubmit={(e) => e.preventDefault()} data-testid="import-form">
        <Field label={t('form.resource')} error={errorText(errors.resource)} required>
          <select data-testid="import-resource" {...register('resource')}>
            <option value="">{t('form.choose')}</option>
            {resources.data.map((r) => (
              <option key={r.name} value={r.name}>
                {r.title}
              </option>
            ))}
          </select>
        </Field>
        {chosen ? (
          <p>
            <button
              type="button"
              className="btn btn--small"
              onClick={() => void downloadTemplate(chosen.name)}
              data-testid="import-template"
            >
              {t('form.template')}
            </button>
          </p>
        ) : null}
        <Field label={t('form.file')} error={errorText(errors.file)} hint={t('form.fileHint')} required>
          <input type="file" accept=".csv,.xlsx,text/csv" data-testid="import-file" {...register('file')} />
        </Field>
        <div className="form__actions">
          <button
            type="button"
            className="btn"
            onClick={() => void submit(true)()}
            disabled={isSubmitting}
            data-testid="import-check"
          >
            {t('form.check')}
          </button>
          <button
            type="button"
            className="btn btn--primary"
            onClick={() => void submit(false)()}
            disabled={isSubmitting}
            data-testid="import-run"
          >
            {isSubmitting ? t('form.working') : t('form.run')}
          </button>
        </div>
      </form>
      {failure ? <Alert testId="import-failure">{failure}</Alert> : null}
      {jobId && job.data && !job.data.result ? (
        <p aria-live="polite" data-testid="import-job">
          {t('job.progress', { done: job.data.rows_done, total: job.data.rows_total })}
        </p>
      ) : null}
      {shown ? <ImportSummary result={shown} /> : null}
      {shown?.committed && chosen ? (
        <p>
          <Link to={chosen.spa_path} data-testid="import-see-rows">
            {t('seeRows', { what: chosen.title })}
          </Link>
        </p>
      ) : null}
    </>
  );
}
