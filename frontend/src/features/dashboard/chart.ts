import { figureNumber, isHidden, type Figure } from '@/features/indicators/format';

/** A round upper bound for an axis: 0 → 1, 7 → 10, 86 → 100, 240 → 250. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (max <= step * magnitude) return step * magnitude;
  }
  return 10 * magnitude;
}

/** Bar widths (percent of the track) of the cascade steps, relative to the largest shown count. */
export function cascadeWidths(values: Figure[]): number[] {
  const max = Math.max(0, ...values.map((v) => figureNumber(v) ?? 0));
  return values.map((v) => {
    if (isHidden(v)) return 4; // a stub, hatched: there is something, not how much
    const n = figureNumber(v) ?? 0;
    if (max === 0 || n <= 0) return 0;
    return Math.max(1.5, Math.round((n / max) * 1000) / 10);
  });
}

export interface Point {
  x: number;
  /** null: the figure is hidden or missing; the line breaks there. */
  y: number | null;
}

/** An SVG path through the points, lifting the pen where a point has no value. */
export function linePath(points: Point[]): string {
  let path = '';
  let drawing = false;
  for (const p of points) {
    if (p.y === null) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${round(p.x)} ${round(p.y)} `;
    drawing = true;
  }
  return path.trim();
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Sort key of a table cell: numbers as themselves, "<5" between 0 and 5, other hidden cells and blanks last. */
export function sortRank(value: Figure): number | null {
  const n = figureNumber(value);
  if (n !== null) return n;
  if (typeof value === 'string' && /^<\d+$/.test(value)) return (Number(value.slice(1)) - 1) / 2 + 0.5;
  return null;
}
