import { useTranslation } from 'react-i18next';
import { FigureText } from '@/features/indicators/components/FigureText';
import { figureNumber, formatPercent, indicatorLabel, isHidden } from '@/features/indicators/format';
import type { Cascade } from '@/lib/api-types';
import { currentLanguage } from '@/lib/i18n';
import { cascadeWidths } from '../chart';

/** Reached → with needs → referred → completed as bars, then the referral rate against its target. */
export function ReferralCascade({ cascade }: { cascade: Cascade }) {
  const { t } = useTranslation('dashboard');
  const lang = currentLanguage();
  const widths = cascadeWidths(cascade.steps.map((s) => s.value));
  const rate = figureNumber(cascade.referral_rate);
  const target = figureNumber(cascade.referral_rate_target) ?? 0.5;
  const met = rate !== null && rate >= target;
  const pct = (n: number) => `${Math.min(100, Math.max(0, Math.round(n * 1000) / 10))}%`;
  return (
    <figure className="cascade" data-testid="cascade">
      <figcaption className="cascade__title">{t('cascade.title')}</figcaption>
      <ol className="cascade__steps">
        {cascade.steps.map((step, i) => (
          <li key={step.code} className="cascade__step" data-testid="cascade-step" data-code={step.code}>
            <span className="cascade__label">{indicatorLabel(step, lang)}</span>
            <span className="cascade__track" aria-hidden="true">
              <span
                className={`cascade__bar cascade__bar--${i}${isHidden(step.value) ? ' cascade__bar--hidden' : ''}`}
                style={{ width: `${widths[i]}%` }}
              />
            </span>
            <span className="cascade__value">
              <FigureText code={step.code} value={step.value} testId="cascade-value" />
            </span>
          </li>
        ))}
      </ol>
      <div className="cascade__rate" data-testid="cascade-rate" data-met={rate === null ? undefined : String(met)}>
        <div className="cascade__rate-head">
          <span>{t('cascade.rateLabel')}</span>
          <strong data-testid="cascade-rate-text">
            {t('cascade.rateVsTarget', {
              rate: formatPercent(cascade.referral_rate, lang),
              target: formatPercent(cascade.referral_rate_target, lang),
            })}
          </strong>
          {rate === null ? (
            <span className="badge badge--muted">{t('cascade.noRate')}</span>
          ) : (
            <span className={`badge ${met ? 'badge--ok' : 'badge--waiting'}`} data-testid="cascade-met">
              {met ? t('cascade.met') : t('cascade.notMet')}
            </span>
          )}
        </div>
        <span
          className="cascade__meter"
          role="meter"
          aria-label={t('cascade.rateLabel')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={rate === null ? undefined : Math.round(rate * 1000) / 10}
          aria-valuetext={
            rate === null
              ? t('cascade.noRate')
              : t('cascade.rateVsTarget', {
                  rate: formatPercent(rate, lang),
                  target: formatPercent(target, lang),
                })
          }
        >
          <span className={`cascade__fill${met ? ' cascade__fill--met' : ''}`} style={{ width: pct(rate ?? 0) }} />
          <span className="cascade__target" style={{ left: pct(target) }} title={t('cascade.targetMarker')} />
        </span>
        <p className="muted small" data-testid="cascade-target-source">
          {cascade.target_source === 'plan' ? t('cascade.targetPlan') : t('cascade.targetDefault')}
        </p>
      </div>
    </figure>
  );
}
