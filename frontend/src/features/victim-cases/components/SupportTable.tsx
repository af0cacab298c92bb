import { useTranslation } from 'react-i18next';
import { Empty } from '@/components/Status';
import { useOrganisationNames } from '@/features/organisations/api/list-organisations';
import type { Support } from '@/lib/api-types';
import { formatDate, formatVnd } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';

export function SupportTable({ items, total }: { items: Support[]; total: number }) {
  const { t } = useTranslation('victims');
  const { t: te } = useTranslation('enums');
  const orgName = useOrganisationNames();
  const lang = currentLanguage();
  if (items.length === 0) return <Empty>{t('supports.empty')}</Empty>;
  return (
    <table className="table table--cards" data-testid="support-table">
      <thead>
        <tr>
          <th scope="col">{t('supports.providedOn')}</th>
          <th scope="col">{t('supports.type')}</th>
          <th scope="col">{t('supports.provider')}</th>
          <th scope="col">{t('supports.note')}</th>
          <th scope="col" className="num">
            {t('supports.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.id} data-testid="support-row">
            <td data-label={t('supports.providedOn')}>{formatDate(s.provided_on, lang)}</td>
            <td data-label={t('supports.type')} className="table__primary">
              {te(`serviceType.${s.support_type}`)}
            </td>
            <td data-label={t('supports.provider')}>{orgName(s.provider_id) || '—'}</td>
            <td data-label={t('supports.note')}>{s.note ?? '—'}</td>
            <td data-label={t('supports.amount')} className="num" data-testid="support-amount-cell">
              {formatVnd(s.amount_vnd)}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={4}>
            {t('supports.total')}
          </th>
          <td className="num" data-testid="support-total">
            <strong>{formatVnd(total)}</strong>
          </td>
        </tr>
      </tfoot>
    </table>
  );
}
