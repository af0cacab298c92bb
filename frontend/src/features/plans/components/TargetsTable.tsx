import { useTranslation } from 'react-i18next';
import { Empty } from '@/components/Status';
import type { PlanTarget } from '@/lib/api-types';
import type { PlanIndicator } from '@/lib/enums';
import { currentLanguage } from '@/lib/i18n';
import { formatTargetValue, isComputed } from '../format';

export function TargetsTable({ targets }: { targets: PlanTarget[] }) {
  const { t } = useTranslation('plans');
  const lang = currentLanguage();
  if (targets.length === 0) return <Empty>{t('targets.empty')}</Empty>;
  return (
    <table className="table table--cards" data-testid="targets-table">
      <thead>
        <tr>
          <th scope="col">{t('targets.indicator')}</th>
          <th scope="col" className="num">
            {t('targets.target')}
          </th>
          <th scope="col" className="num">
            {t('targets.actual')}
          </th>
          <th scope="col">{t('targets.note')}</th>
        </tr>
      </thead>
      <tbody>
        {targets.map((tg) => (
          <tr key={tg.indicator} data-testid="target-row">
            <td data-label={t('targets.indicator')} className="table__primary">
              {t(`indicators.${tg.indicator as PlanIndicator}`, { defaultValue: tg.indicator })}
            </td>
            <td data-label={t('targets.target')} className="num" data-testid="target-value">
              {formatTargetValue(tg.indicator, tg.target_value, lang)}
            </td>
            <td data-label={t('targets.actual')} className="num" data-testid="target-actual">
              {isComputed(tg) ? (
                formatTargetValue(tg.indicator, tg.actual_value, lang)
              ) : (
                <span className="badge badge--waiting" title={t('targets.notComputedHint')}>
                  {t('targets.notComputed')}
                </span>
              )}
            </td>
            <td data-label={t('targets.note')}>{tg.note ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
