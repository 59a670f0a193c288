// Horizontal stacked bars as an inline SVG, each bar under its label so that it
// reads on a phone. The chart is an image with a text alternative (`label`);
// the table that follows it holds the same numbers.
import { html, type SafeHtml } from '../html.js';
import { NO_DATA } from '../format.js';

export interface StackedBar {
  name: string;
  /** in the order they are drawn, left to right */
  parts: ReadonlyArray<{ value: number; colour: string }>;
}

const WIDTH = 360;
const ROW_HEIGHT = 46;

function bar(row: StackedBar, y: number, emptyText: string): SafeHtml {
  const total = row.parts.reduce((a, p) => a + p.value, 0);
  if (total === 0) return html`<text x="0" y="${y + 36}" font-size="13" fill="#3d3f42">${emptyText}</text>`;
  let x = 0;
  return html`${row.parts.map((p) => {
    const w = (p.value / total) * WIDTH;
    const rect =
      w > 0 &&
      html`<rect x="${x.toFixed(2)}" y="${y + 21}" width="${w.toFixed(2)}" height="18" fill="${p.colour}" stroke="#fff" stroke-width="1"/>`;
    x += w;
    return rect;
  })}`;
}

export function stackedBars(label: string, rows: readonly StackedBar[], emptyText = NO_DATA): SafeHtml {
  const height = rows.length * ROW_HEIGHT;
  const body = rows.map((r, i) => {
    const y = i * ROW_HEIGHT;
    return html`<text x="0" y="${y + 15}" font-size="14" fill="#1c1c1c">${r.name}</text>${bar(r, y, emptyText)}`;
  });
  return html`<svg role="img" aria-label="${label}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH * 1.5}" height="${height * 1.5}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}
