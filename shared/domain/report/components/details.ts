// Long content folded away behind a summary line that opens it (no script needed).
import { html, type SafeHtml } from '../html.js';

export function details(summary: string, body: SafeHtml): SafeHtml {
  return html`<details><summary>${summary}</summary>
${body}
</details>`;
}
