import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FigureText } from '@/features/indicators/components/FigureText';
import { figureNumber, isHidden } from '@/features/indicators/format';
import type { TrendPoint } from '@/lib/api-types';
import { currentLanguage } from '@/lib/i18n';
import { formatPeriod } from '@/lib/period';
import { linePath, niceMax } from '../chart';

const HEIGHT = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 40 };
const SERIES_CLASSES = ['trend__series--0', 'trend__series--1', 'trend__series--2', 'trend__series--3'];

/** A small hand-drawn SVG line chart of monthly figures; hidden cells break the line, never plotted as numbers. */
/** The width the chart is drawn at: its box's, so the text keeps its size on a phone. */
function useWidth(fallback: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(280, Math.round(entry.contentRect.width)));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

export function TrendChart({ indicators, trend }: { indicators: string[]; trend: TrendPoint[] }) {
  const { t } = useTranslation('dashboard');
  const { ref, width: WIDTH } = useWidth(640);
  const lang = currentLanguage();
  const titleId = useId();
  const label = (code: string) => t(`short.${code}` as 'short.people_reached', { defaultValue: code });
  const max = niceMax(Math.max(0, ...trend.flatMap((p) => indicators.map((c) => figureNumber(p.values[c]) ?? 0))));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (trend.length <= 1 ? plotW / 2 : (i * plotW) / (trend.length - 1));
  const y = (n: number) => PAD.top + plotH - (n / max) * plotH;
  const monthLabel = (month: string) => {
    const m = Number(month.slice(5, 7));
    const monthName = new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      month: 'short',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(Number(month.slice(0, 4)), m - 1, 1)));
    return t('trend.monthShort', { month: m, monthName });
  };
  // Every month labelled when there is room, else every other one counting back from the last.
  const roomy = plotW / Math.max(1, trend.length - 1) >= 30;
  const labelled = (i: number) => roomy || (trend.length - 1 - i) % 2 === 0;
  const firstLabelled = roomy ? 0 : (trend.length - 1) % 2;
  // The year under the first label and under the first label of each new year.
  const showsYear = (i: number) =>
    i === firstLabelled || trend[i]?.month.slice(0, 4) !== trend[roomy ? i - 1 : i - 2]?.month.slice(0, 4);
  const hasHidden = trend.some((p) => indicators.some((c) => isHidden(p.values[c])));

  return (
    <figure className="trend" data-testid="trend">
      <figcaption className="trend__title">
        <span id={titleId}>{t('trend.title')}</span> <span className="muted small">— {t('trend.subtitle')}</span>
      </figcaption>
      <ul className="trend__legend">
        {indicators.map((code, s) => (
          <li key={code} className={`trend__key ${SERIES_CLASSES[s % SERIES_CLASSES.length]}`}>
            <svg width="24" height="10" aria-hidden="true">
              <line x1="0" y1="5" x2="24" y2="5" className="trend__line" />
            </svg>
            {label(code)}
          </li>
        ))}
      </ul>
      <div ref={ref} className="trend__box">
        <svg
          className="trend__svg"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-labelledby={titleId}
          preserveAspectRatio="xMidYMid meet"
        >
          {[0, max / 2, max].map((tick) => (
            <g key={tick} className="trend__grid">
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
              <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
                {new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB').format(tick)}
              </text>
            </g>
          ))}
          {trend.map((point, i) =>
            !labelled(i) ? null : (
              <text
                key={point.month}
                className="trend__month"
                x={x(i)}
                y={HEIGHT - PAD.bottom + 16}
                textAnchor="middle"
              >
                {monthLabel(point.month)}
                {showsYear(i) ? (
                  <tspan x={x(i)} dy="14">
                    {point.month.slice(0, 4)}
                  </tspan>
                ) : null}
              </text>
            ),
          )}
          {indicators.map((code, s) => {
            const points = trend.map((p, i) => {
              const n = figureNumber(p.values[code]);
              return { x: x(i), y: n === null ? null : y(n), hidden: isHidden(p.values[code]) };
            });
            return (
              <g key={code} className={`trend__series ${SERIES_CLASSES[s % SERIES_CLASSES.length]}`} data-code={code}>
                <path className="trend__line" d={linePath(points)} fill="none" />
                {points.map((p, i) =>
                  p.y !== null ? (
                    <circle key={i} className="trend__dot" cx={p.x} cy={p.y} r={3} />
                  ) : p.hidden ? (
                    <circle key={i} className="trend__dot trend__dot--hidden" cx={p.x} cy={y(0)} r={4} />
                  ) : null,
                )}
              </g>
            );
          })}
        </svg>
      </div>
      {hasHidden ? <p className="muted small">{t('trend.hiddenPoint')}</p> : null}
      <details className="trend__data">
        <summary>{t('trend.table')}</summary>
        <div className="table-scroll">
          <table className="table table--figures" data-testid="trend-table">
            <thead>
              <tr>
                <th scope="col">{t('trend.month')}</th>
                {indicators.map((code) => (
                  <th key={code} scope="col" className="num">
                    {label(code)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {trend.map((point) => (
                <tr key={point.month} data-testid="trend-row" data-month={point.month}>
                  <th scope="row">{formatPeriod(point.month, lang)}</th>
                  {indicators.map((code) => (
                    <td key={code} className="num">
                      <FigureText code={code} value={point.values[code]} testId="trend-value" />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
