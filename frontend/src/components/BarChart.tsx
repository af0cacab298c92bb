import type { ReactNode } from 'react';

export interface Bar {
  key: string;
  label: ReactNode;
  /** A count, or a suppressed cell such as "<5" (drawn as a hatched stub, shown as is). */
  value: number | string;
  display?: ReactNode;
}

/** Horizontal CSS bars: small, accessible (a list with the number written out), printable. */
export function BarChart({ title, bars, testId }: { title: ReactNode; bars: Bar[]; testId?: string }) {
  const max = Math.max(1, ...bars.map((b) => (typeof b.value === 'number' ? b.value : 0)));
  return (
    <figure className="bar-chart" data-testid={testId}>
      <figcaption className="bar-chart__title">{title}</figcaption>
      <ul className="bar-chart__list">
        {bars.map((b) => {
          const numeric = typeof b.value === 'number';
          const width = numeric ? (Number(b.value) / max) * 100 : 4;
          return (
            <li key={b.key} className="bar-chart__row" data-testid={testId ? `${testId}-${b.key}` : undefined}>
              <span className="bar-chart__label">{b.label}</span>
              <span className="bar-chart__track" aria-hidden="true">
                <span
                  className={`bar-chart__bar${numeric ? '' : ' bar-chart__bar--suppressed'}`}
                  style={{ width: `${Math.max(width, numeric && Number(b.value) > 0 ? 1.5 : 0)}%` }}
                />
              </span>
              <span className="bar-chart__value" data-testid="bar-value">
                {b.display ?? String(b.value)}
              </span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
