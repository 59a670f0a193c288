// The legend of a chart: a colour swatch and its label per series.
import { html, type SafeHtml } from '../html.js';

export function legend(items: ReadonlyArray<{ colour: string; label: string }>): SafeHtml {
  return html`<ul class="legend">${items.map((i) => html`<li><span class="swatch" style="background:${i.colour}"></span>${i.label}</li>`)}</ul>`;
}
