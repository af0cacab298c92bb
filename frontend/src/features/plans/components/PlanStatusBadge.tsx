import { useTranslation } from 'react-i18next';
import type { PlanStatus } from '@/lib/api-types';

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useTranslation('enums');
  return (
    <span
      className={`badge ${status === 'approved' ? 'badge--ok' : 'badge--muted'}`}
      data-testid="plan-status"
      data-status={status}
    >
      {t(`planStatus.${status}`)}
    </span>
  );
}
