// The report pages: the shell and the header, intro and footer of each
// report around its sections, which come from the registry in page order.
import { page } from './components/page.js';
import { html, join, toHtmlString, type SafeHtml } from './html.js';
import { formatDateTime, periodLabel } from './labels.js';
import type { Report } from './report-model.js';
import { BANDS_CSV } from './sections/bands.js';
import { HOW_TO_READ } from './sections/how-to-read.js';
import type { Audience, PageContext } from './sections/section.js';

interface Layout {
  title(label: string): string;
  /** the header and what comes before the first section */
  top(p: PageContext): SafeHtml;
}

const LAYOUTS: Record<Audience, Layout> = {
  public: {
    title: (label) => `Transparantierapport digitale dienstverlening — ${label}`,
    top: ({ period }) =>
      html`<header><p><a href="../">Alle rapporten</a></p><h1>Hoe goed presteert de digitale dienstverlening? Cijfers over ${period.label}</h1></header>
<main id="inhoud">
<p>Dit rapport toont hoe de digitale diensten van de Vlaamse overheden het doen, welke diensten vernieuwd zijn en hoe de e-loketten gebruikt worden. Alle cijfers gaan over ${period.label} (${period.start} tot en met ${period.end}), tenzij anders vermeld.</p>`,
  },
  committee: {
    title: (label) => `Rapport voor het Stuurorgaan — ${label}`,
    top: ({ period }) =>
      html`<header><h1>Rapport voor het Stuurorgaan: ${period.label}</h1><p class="note">Vertrouwelijk: dit rapport bevat toelichtingen per organisatie.</p></header>
<main id="inhoud">`,
  },
};

const provenance = ({ period, asOf, codeVersion }: PageContext) =>
  html`<footer><p class="note">Periode: ${period.start} tot en met ${period.end}. Gebaseerd op de gegevens tot ${formatDateTime(asOf)}. Versie van de berekening: ${codeVersion}.</p></footer>`;

/** A report's index.html. */
export function reportPage(report: Report<Audience>): string {
  const p = report.page;
  const layout = LAYOUTS[p.audience];
  const sections = [...report.sections].sort((a, b) => a.section.in[p.audience]! - b.section.in[p.audience]!);
  return toHtmlString(
    page(
      layout.title(p.period.label),
      html`${layout.top(p)}
${join(
  sections.map((s) => s.html(p)),
  '\n',
)}
<p><a href="report.json">Alle cijfers als JSON</a></p>
</main>
${provenance(p)}`,
    ),
  );
}

/** The public list of every published period, newest first. */
export function reportsIndexPage(periods: readonly string[]): string {
  const items = [...periods]
    .sort()
    .reverse()
    .map(
      (p) =>
        html`<li><a href="${p}/">${periodLabel(p)}</a> (<a href="${p}/${BANDS_CSV}">CSV</a>, <a href="${p}/report.json">JSON</a>)</li>`,
    );
  return toHtmlString(
    page(
      'Transparantierapporten digitale dienstverlening',
      html`<header><h1>Transparantierapporten digitale dienstverlening</h1></header>
<main id="inhoud">
<p>Hier volgt u in alle transparantie hoe goed de digitale dienstverlening van de Vlaamse overheden presteert. Kies een periode.</p>
<p><a href="latest/">Het meest recente rapport</a></p>
<ul>
${join(items, '\n')}
</ul>
${HOW_TO_READ}
</main>`,
    ),
  );
}
