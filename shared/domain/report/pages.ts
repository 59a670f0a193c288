// The report pages: the shell and the header, intro and footer of each
// report around its sections, which come from the registry in page order.
import { parsePeriod } from '../periods.js';
import { PAGE_END, page, pageStart } from './components/page.js';
import { html, htmlChunks, join, toHtmlString, type SafeHtml } from './html.js';
import { formatDateTime, periodLabel } from './labels.js';
import type { Report } from './report-model.js';
import { BANDS_CSV } from './sections/bands.js';
import { EXPLANATIONS_CSV } from './sections/explanations.js';
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
      html`<header><p><a href="../">Alle rapporten</a></p><h1>Rapport voor het Stuurorgaan: ${period.label}</h1><p class="note">Vertrouwelijk: dit rapport bevat toelichtingen per organisatie.</p></header>
<main id="inhoud">`,
  },
};

const provenance = ({ period, asOf, codeVersion }: PageContext) =>
  html`<footer><p class="note">Periode: ${period.start} tot en met ${period.end}. Gebaseerd op de gegevens tot ${formatDateTime(asOf)}. Versie van de berekening: ${codeVersion}.</p></footer>`;

const pageSections = (report: Report<Audience>) =>
  [...report.sections].sort((a, b) => a.section.in[report.page.audience]! - b.section.in[report.page.audience]!);

const END_OF_MAIN = html`
<p><a href="report.json">Alle cijfers als JSON</a></p>
</main>
`;

/** A report's index.html. */
export function reportPage(report: Report<Audience>): string {
  const p = report.page;
  const layout = LAYOUTS[p.audience];
  return toHtmlString(
    page(
      layout.title(p.period.label),
      html`${layout.top(p)}
${join(
  pageSections(report).map((s) => s.html(p)),
  '\n',
)}${END_OF_MAIN}${provenance(p)}`,
    ),
  );
}

/**
 * The same page as reportPage, in pieces, to be written while it is made: a
 * section's long tables are rendered row by row as they are written (`each`).
 */
export function* reportPageChunks(report: Report<Audience>): Generator<string> {
  const p = report.page;
  const layout = LAYOUTS[p.audience];
  yield toHtmlString(pageStart(layout.title(p.period.label)));
  yield `${toHtmlString(layout.top(p))}\n`;
  for (const [i, s] of pageSections(report).entries()) {
    if (i > 0) yield '\n';
    yield* htmlChunks(s.html(p));
  }
  yield toHtmlString(END_OF_MAIN);
  yield toHtmlString(provenance(p));
  yield toHtmlString(PAGE_END);
}

/**
 * The published periods as a reader looks for them: grouped by year, newest
 * year first; within a year the period that ends last first, and on the same
 * end the longer one first (the year, then its last quarter, then its last
 * month), the order in which `latest/` is chosen (design §2.1).
 */
export function orderPeriods(periods: readonly string[]): Array<{ year: number; periods: string[] }> {
  const known = [...new Set(periods)].flatMap((id) => {
    const p = parsePeriod(id);
    return p ? [p] : [];
  });
  known.sort((a, b) => b.year - a.year || b.end.localeCompare(a.end) || a.start.localeCompare(b.start));
  const groups: Array<{ year: number; periods: string[] }> = [];
  for (const p of known) {
    const last = groups.at(-1);
    if (last?.year === p.year) last.periods.push(p.id);
    else groups.push({ year: p.year, periods: [p.id] });
  }
  return groups;
}

interface IndexLayout {
  title: string;
  intro: SafeHtml;
  /** the files linked beside each period's page */
  files: ReadonlyArray<{ name: string; label: string }>;
}

const INDEX_LAYOUTS: Record<Audience, IndexLayout> = {
  public: {
    title: 'Transparantierapporten digitale dienstverlening',
    intro: html`<p>Hier volgt u in alle transparantie hoe goed de digitale dienstverlening van de Vlaamse overheden presteert. Kies een periode.</p>
<p><a href="latest/">Het meest recente rapport</a></p>`,
    files: [
      { name: BANDS_CSV, label: 'CSV' },
      { name: 'report.json', label: 'JSON' },
    ],
  },
  committee: {
    title: 'Rapporten voor het Stuurorgaan',
    intro: html`<p class="note">Vertrouwelijk: deze rapporten bevatten toelichtingen per organisatie.</p>
<p>Kies een periode. Het nieuwste rapport staat bovenaan.</p>`,
    files: [
      { name: EXPLANATIONS_CSV, label: 'toelichtingen als CSV' },
      { name: 'report.json', label: 'JSON' },
    ],
  },
};

/** The list of every published period (reports/index.html, committee/index.html), newest first, grouped by year. */
export function reportsIndexPage(periods: readonly string[], audience: Audience = 'public'): string {
  const layout = INDEX_LAYOUTS[audience];
  const item = (p: string) =>
    html`<li><a href="${p}/">${periodLabel(p)}</a> (${join(
      layout.files.map((f) => html`<a href="${p}/${f.name}">${f.label}</a>`),
      ', ',
    )})</li>`;
  const groups = orderPeriods(periods).map(
    (g) => html`<h2 id="jaar-${g.year}">${g.year}</h2>
<ul>
${join(g.periods.map(item), '\n')}
</ul>`,
  );
  return toHtmlString(
    page(
      layout.title,
      html`<header><h1>${layout.title}</h1></header>
<main id="inhoud">
${layout.intro}
${groups.length > 0 ? join(groups, '\n') : html`<p>Er is nog geen rapport gepubliceerd.</p>`}
${HOW_TO_READ}
</main>`,
    ),
  );
}

export { committeeNotFoundPage, committeeSignInPage } from './committee-pages.js';
