import { useTranslation } from 'react-i18next';
import { ApiError } from '@/lib/problem';
import { Alert } from './Alert';

/** Shows a failed query: 404 as "not found", anything else with the server's detail. */
export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : 0;
  const title = status === 404 ? t('errors.notFound') : status === 403 ? t('errors.forbidden') : t('errors.loadFailed');
  const detail = error instanceof ApiError ? error.problem.detail : null;
  return (
    <Alert
      title={title}
      action={
        onRetry && status !== 404 ? (
          <button type="button" className="btn btn--secondary" onClick={onRetry}>
            {t('actions.retry')}
          </button>
        ) : null
      }
    >
      {detail}
    </Alert>
  );
}
