import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '@/lib/api-types';

const CLASS: Record<ReportStatus | 'missing', string> = {
  draft: 'badge--muted',
  submitted: 'badge--info',
  approved: 'badge--ok',
  returned: 'badge--waiting',
  missing: 'badge--muted',
};

export function ReportStatusBadge({
  status,
  testId = 'report-status',
}: {
  status: ReportStatus | 'missing';
  testId?: string;
}) {
  const { t } = useTranslation('enums');
  return (
    <span className={`badge ${CLASS[status]}`} data-testid={testId} data-status={status}>
      {t(`reportStatus.${status}`)}
    </span>
  );
}
