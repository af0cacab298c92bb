import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';
import { Field } from '@/components/Field';
import { FormMessages } from '@/components/FormMessages';
import type { Report } from '@/lib/api-types';
import { useErrorText } from '@/lib/form';
import { handleSubmitError, type SubmitFailure } from '@/lib/problem';
import { emptyToNull } from '@/lib/zod-helpers';
import { useUpdateReport } from '../api/reports';
import { COMMENT_FIELDS, commentFormSchema, type CommentFormValues } from '../schemas';

/**
 * The unit's comments, editable while the report is with the unit (draft, returned). The save sends the
 * ETag it read (If-Match): if someone changed the report meanwhile (412) the person reloads first.
 */
export function CommentPanel({
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
  const update = useUpdateReport(report.id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<SubmitFailure | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<CommentFormValues>({
    resolver: zodResolver(commentFormSchema),
    defaultValues: { comment: report.comment ?? '' },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      await update.mutateAsync({ body: { comment: emptyToNull(values.comment) }, etag });
      setEditing(false);
      setSaved(true);
    } catch (err) {
      setFailure(handleSubmitError(err, setError, COMMENT_FIELDS, tc('errors.unexpected')));
    }
  });

  if (!editing) {
    return (
      <div className="comment-panel" data-testid="comment-panel">
        {saved ? (
          <Alert kind="success" testId="comment-saved">
            {t('comment.saved')}
          </Alert>
        ) : null}
        {report.comment ? (
          <p className="comment-panel__text" data-testid="report-comment-text">
            {report.comment}
          </p>
        ) : (
          <p className="muted" data-testid="report-comment-text">
            {t('comment.empty')}
          </p>
        )}
        {report.can_submit ? (
          <button
            type="button"
            className="btn btn--secondary"
            data-testid="comment-edit"
            onClick={() => {
              setSaved(false);
              setFailure(null);
              reset({ comment: report.comment ?? '' });
              setEditing(true);
            }}
          >
            {t('comment.edit')}
          </button>
        ) : null}
      </div>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate data-testid="comment-form">
      <FormMessages
        failure={failure}
        onReload={() =>
          void onReload().then(() => {
            setFailure(null);
            setEditing(false);
          })
        }
      />
      <Field label={t('fields.comment')} error={errorText(errors.comment)} hint={t('fields.commentHint')}>
        <textarea rows={4} data-testid="comment-input" {...register('comment')} />
      </Field>
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={isSubmitting} data-testid="comment-save">
          {isSubmitting ? tc('actions.saving') : t('comment.save')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={() => setEditing(false)}>
          {tc('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
