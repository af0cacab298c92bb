import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/Alert';

/** Said whenever the API hid small cells from this reader (`suppressed: true`). */
export function SuppressionNotice({ suppressed }: { suppressed: boolean }) {
  const { t } = useTranslation();
  if (!suppressed) return null;
  return (
    <Alert kind="info" testId="suppressed-notice">
      {t('figures.suppressedNotice')}
    </Alert>
  );
}
