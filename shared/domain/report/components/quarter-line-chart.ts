// A line chart over consecutive quarters as an inline SVG, one line per series.
// A quarter without data breaks the line: no data is never drawn as 0.
import { html, type SafeHtml } from '../html.js';
import { count, toNumber } from '../format.js';
import type { Exact } from '../../exact.js';

export interface QuarterSeries {
  colour: string;
  /** one value per quarter, in the order of `quarters`; null when there is no data */
  values: ReadonlyArray<Exact | null>;
}

const W = 360;
const H = 220;
const LEFT = 44;
const BOTTOM = 40;
const TOP = 10;

/** A fixed scale (a share from 0 to 100 %, say) instead of one up to the largest value. */
export interface ChartScale {
  max: number;
  tick(value: number): string;
}

export function quarterLineChart(
  label: string,
  quarters: readonly string[],
  series: readonly QuarterSeries[],
  scale?: ChartScale,
): SafeHtml {
  const max = scale?.max ?? Math.max(1, ...series.flatMap((s) => s.values.map((v) => toNumber(v))));
  const x = (i: number) => LEFT + (i * (W - LEFT - 20)) / Math.max(1, quarters.length - 1);
  const y = (v: number) => TOP + (H - TOP - BOTTOM) * (1 - v / max);
  const axis = html`<line x1="${LEFT}" y1="${H - BOTTOM}" x2="${W - 10}" y2="${H - BOTTOM}" stroke="#1c1c1c"/><line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${H - BOTTOM}" stroke="#1c1c1c"/>`;
  // Quarter on the first line, the year under it where it changes.
  const ticks = quarters.map((q, i) => {
    const [year, quarter] = q.split('-') as [string, string];
    const showYear = i === 0 || quarters[i - 1]!.slice(0, 4) !== year;
    return html`<text x="${x(i).toFixed(1)}" y="${H - BOTTOM + 15}" font-size="11" text-anchor="middle">${quarter.replace('Q', 'K')}</text>${showYear && html`<text x="${x(i).toFixed(1)}" y="${H - BOTTOM + 29}" font-size="11" text-anchor="middle">${year}</text>`}`;
  });
  const yTicks = [0, 0.5, 1].map(
    (f) =>
      html`<text x="${LEFT - 6}" y="${(y(max * f) + 4).toFixed(1)}" font-size="11" text-anchor="end">${scale ? scale.tick(max * f) : count(Math.round(max * f))}</text>`,
  );
  const lines = series.map(({ colour, values }) => {
    const segments: string[][] = [[]];
    values.forEach((v, i) => {
      if (v === null) segments.push([]);
      else segments[segments.length - 1]!.push(`${x(i).toFixed(1)},${y(toNumber(v)).toFixed(1)}`);
    });
    const polylines = segments
      .filter((s) => s.length > 1)
      .map((s) => html`<polyline fill="none" stroke="${colour}" stroke-width="2.5" points="${s.join(' ')}"/>`);
    const dots = values.map(
      (v, i) => v !== null && html`<circle cx="${x(i).toFixed(1)}" cy="${y(toNumber(v)).toFixed(1)}" r="3.5" fill="${colour}"/>`,
    );
    return html`${polylines}${dots}`;
  });
  return html`<svg role="img" aria-label="${label}" viewBox="0 0 ${W} ${H}" width="${W * 1.6}" height="${H * 1.6}" xmlns="http://www.w3.org/2000/svg">${axis}${ticks}${yTicks}${lines}</svg>`;
}
