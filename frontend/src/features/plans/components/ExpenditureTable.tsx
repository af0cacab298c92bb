import { useTranslation } from 'react-i18next';
import { Empty } from '@/components/Status';
import type { BudgetLine, Expenditure } from '@/lib/api-types';
import { formatDate, formatVnd } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';

export function ExpenditureTable({ items, lines }: { items: Expenditure[]; lines: BudgetLine[] }) {
  const { t } = useTranslation('plans');
  const lang = currentLanguage();
  const lineCode = (id: string) => lines.find((l) => l.id === id)?.code ?? '—';
  if (items.length === 0) return <Empty>{t('expenditures.empty')}</Empty>;
  return (
    <table className="table table--cards" data-testid="expenditure-table">
      <thead>
        <tr>
          <th scope="col">{t('expenditures.spentOn')}</th>
          <th scope="col">{t('expenditures.line')}</th>
          <th scope="col">{t('expenditures.description')}</th>
          <th scope="col">{t('expenditures.voucher')}</th>
          <th scope="col" className="num">
            {t('expenditures.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((e) => (
          <tr key={e.id} data-testid="expenditure-row" data-override={e.override_reason ? 'true' : undefined}>
            <td data-label={t('expenditures.spentOn')}>{formatDate(e.spent_on, lang)}</td>
            <td data-label={t('expenditures.line')} className="mono">
              {lineCode(e.budget_line_id)}
            </td>
            <td data-label={t('expenditures.description')} className="table__primary">
              {e.description}
              {e.override_reason ? (
                <div className="small" data-testid="expenditure-override">
                  <span className="badge badge--danger">{t('expenditures.overridden')}</span> {e.override_reason}
                </div>
              ) : null}
            </td>
            <td data-label={t('expenditures.voucher')}>{e.voucher_no ?? '—'}</td>
            <td data-label={t('expenditures.amount')} className="num">
              {formatVnd(e.amount_vnd)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
