// One assessment in a table cell: its score, with its band and date under it.
import { html, type SafeHtml } from '../html.js';
import { percent } from '../format.js';
import { BAND_SHORT } from '../labels.js';
import type { PhaseSummary } from '../assessment-figures.js';

export function phaseCell(phase: PhaseSummary | null): SafeHtml {
  return phase
    ? html`<td>${percent(phase.score)}<br><span class="note">${BAND_SHORT[phase.band]}, ${phase.assessedOn}</span></td>`
    : html`<td class="text">geen toetsing</td>`;
}
