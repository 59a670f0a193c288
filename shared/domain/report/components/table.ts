// A table with its caption, in a region that scrolls sideways on a phone; the
// region takes focus so that keyboard users can scroll it too.
import { html, join, type HtmlValue, type SafeHtml } from '../html.js';

/** `rows` are whole `<tr>` rows, one a line: a list, or markup from `each` (rendered when the page is written). */
export function scrollTable(caption: string, head: readonly string[], rows: readonly HtmlValue[] | SafeHtml): SafeHtml {
  return html`<div class="table-wrap" role="region" tabindex="0" aria-label="${caption}"><table>
<caption>${caption}</caption>
<thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>
${Array.isArray(rows) ? join(rows, '\n') : rows}
</tbody></table></div>`;
}
