import { useTranslation } from 'react-i18next';
import { Timeline } from '@/components/Timeline';
import type { ReportEvent } from '@/lib/api-types';

/** Each submission, approval and return: who, when, and the comment given. */
export function ReportHistory({ history }: { history: ReportEvent[] }) {
  const { t } = useTranslation('enums');
  return (
    <Timeline
      testId="report-history"
      entries={history.map((e) => ({
        at: e.at,
        actor_name: e.actor_name,
        from_status: e.from_status,
        to_status: e.to_status,
        note: e.comment,
      }))}
      label={(status) => t(`reportStatus.${status as 'draft'}`, { defaultValue: status })}
    />
  );
}
