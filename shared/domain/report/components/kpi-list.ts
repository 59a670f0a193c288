// Key figures in a grid of tiles: the figure large, what it counts under it.
import { html, type SafeHtml } from '../html.js';

export function kpiList(items: ReadonlyArray<{ figure: string; text: string }>): SafeHtml {
  return html`<ul class="kpis">
${items.map((i) => html`<li><strong>${i.figure}</strong> ${i.text}</li>\n`)}</ul>`;
}
