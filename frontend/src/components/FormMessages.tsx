import { useTranslation } from 'react-i18next';
import type { SubmitFailure } from '@/lib/problem';
import { Alert, MessageList } from './Alert';

/** Form-level outcome of a failed save: messages, or the 412 "changed meanwhile" notice. */
export function FormMessages({ failure, onReload }: { failure: SubmitFailure | null; onReload?: () => void }) {
  const { t } = useTranslation();
  if (!failure) return null;
  if (failure.conflict) {
    return (
      <Alert
        kind="warning"
        testId="conflict-alert"
        title={t('errors.conflictTitle')}
        action={
          onReload ? (
            <button type="button" className="btn btn--secondary" onClick={onReload} data-testid="conflict-reload">
              {t('actions.reload')}
            </button>
          ) : null
        }
      >
        {t('errors.conflictBody')}
      </Alert>
    );
  }
  if (failure.messages.length === 0) return null;
  return (
    <Alert testId="form-error" title={t('errors.saveFailed')}>
      <MessageList messages={failure.messages} />
    </Alert>
  );
}
