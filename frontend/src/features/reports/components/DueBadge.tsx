import { useTranslation } from 'react-i18next';
import type { ReportStatus } from '@/lib/api-types';
import { daysBetween, todayInVietnam } from '@/lib/period';
import { isOpen } from '../schemas';

/**
 * Lateness of a report still with its unit: "Quá hạn 12 ngày" in red, or the days left. Nothing once it is
 * handed in. `daysOverdue` from the API when it gives it (overdue list), else counted from today in Vietnam.
 */
export function DueBadge({
  dueOn,
  overdue,
  status,
  daysOverdue,
  today = todayInVietnam(),
}: {
  dueOn: string;
  overdue: boolean;
  status: ReportStatus | 'missing';
  daysOverdue?: number;
  today?: string;
}) {
  const { t } = useTranslation('reports');
  if (!isOpen(status)) return null;
  const days = daysBetween(dueOn, today);
  if (overdue) {
    const count = daysOverdue ?? Math.max(days, 1);
    return (
      <span className="badge badge--danger" data-testid="overdue-badge" data-days={count}>
        {t('due.overdue', { count })}
      </span>
    );
  }
  if (days === 0) return <span className="badge badge--waiting">{t('due.dueToday')}</span>;
  if (days > 0) return null; // past due yet not overdue: the API's word wins (handed in meanwhile)
  return (
    <span className="badge badge--muted" data-testid="due-in">
      {t('due.dueIn', { count: -days })}
    </span>
  );
}
