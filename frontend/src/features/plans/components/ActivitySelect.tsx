import { forwardRef, type SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useActivities } from '@/features/activities/api/list-activities';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';

type Props = SelectHTMLAttributes<HTMLSelectElement> & { year: number; orgUnitId: string };

/** Optional: the activity an expenditure paid for, among the plan's area and year (first page). */
export const ActivitySelect = forwardRef<HTMLSelectElement, Props>(function ActivitySelect(
  { year, orgUnitId, ...props },
  ref,
) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const query = useActivities({ org_unit: orgUnitId, since: `${year}-01-01`, until: `${year}-12-31` });
  const items = query.data?.pages[0]?.items ?? [];
  return (
    <select ref={ref} {...props}>
      <option value="">{t('none')}</option>
      {items.map((a) => (
        <option key={a.id} value={a.id}>
          {formatDate(a.starts_on, lang)} — {a.title}
        </option>
      ))}
    </select>
  );
});
