import { useTranslation } from 'react-i18next';
import type { Activity } from '@/lib/api-types';
import { formatDate } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';

export function ActivityTable({ items, testId = 'activity-table' }: { items: Activity[]; testId?: string }) {
  const { t } = useTranslation('activities');
  const { t: te } = useTranslation('enums');
  const lang = currentLanguage();
  return (
    <table className="table table--cards" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('fields.title')}</th>
          <th scope="col">{t('fields.kind')}</th>
          <th scope="col">{t('fields.startsOn')}</th>
          <th scope="col">{t('fields.participantsTotal')}</th>
          <th scope="col">{t('fields.location')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((a) => (
          <tr key={a.id} data-testid="activity-row">
            <td data-label={t('fields.title')} className="table__primary">
              {a.title}
            </td>
            <td data-label={t('fields.kind')}>{te(`activityKind.${a.kind}`)}</td>
            <td data-label={t('fields.startsOn')}>
              {formatDate(a.starts_on, lang)}
              {a.ends_on && a.ends_on !== a.starts_on ? ` – ${formatDate(a.ends_on, lang)}` : ''}
            </td>
            <td data-label={t('fields.participantsTotal')} data-testid="activity-participants">
              {t('participants', { total: a.participants_total, female: a.participants_female })}
            </td>
            <td data-label={t('fields.location')}>{a.location ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
