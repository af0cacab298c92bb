import { useTranslation } from 'react-i18next';
import { currentLanguage } from '@/lib/i18n';
import { barWidth, executionLevel, formatRate, parseRate } from '../format';

/** A CSS bar of spent / allocated, with the rate written out; red and marked when over-spent. */
export function ExecutionBar({ rate, testId }: { rate: string | null | undefined; testId?: string }) {
  const { t } = useTranslation('plans');
  const lang = currentLanguage();
  const level = executionLevel(rate);
  const text = formatRate(rate, lang);
  const n = parseRate(rate);
  return (
    <div className={`exec-bar exec-bar--${level}`} data-testid={testId} data-level={level}>
      <span
        className="exec-bar__track"
        role="meter"
        aria-label={t('execution.rate')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={n === null ? undefined : Math.round(n * 10000) / 100}
        aria-valuetext={n === null ? t('execution.nothingAllocated') : text}
      >
        <span className="exec-bar__fill" style={{ width: `${barWidth(rate)}%` }} />
      </span>
      <span className="exec-bar__value" data-testid={testId ? `${testId}-rate` : 'exec-rate'}>
        {text}
        {level === 'over' ? <span className="exec-bar__flag"> {t('execution.over')}</span> : null}
      </span>
    </div>
  );
}
