// Every table of a report can be downloaded: the link to its CSV file beside the page.
import { html, type SafeHtml } from '../html.js';

export function csvLink(href: string, what: string): SafeHtml {
  return html`<p><a href="${href}" download>Download ${what} als CSV</a></p>`;
}
