// How the services score per principe: bands of each service's current
// assessment (post if any, else pre), per principle and perspective.
import { PERSPECTIVE_NAMES, PERSPECTIVES, PRINCIPLE_NAMES, PRINCIPLES } from '../../catalog.js';
import type { Band } from '../../scoring.js';
import { assessmentFigures, type AssessmentFigures, type BandCounts } from '../assessment-figures.js';
import { csvLink } from '../components/csv-link.js';
import { legend } from '../components/legend.js';
import { stackedBars } from '../components/stacked-bars.js';
import { scrollTable } from '../components/table.js';
import { html } from '../html.js';
import { BAND_COLOURS, BAND_LABELS, BAND_SHORT } from '../labels.js';
import type { PeriodSelection } from '../period-selection.js';
import { defineSection } from './section.js';

export const BANDS_CSV = 'indicators.csv';
const BANDS: Band[] = ['good', 'partial', 'none'];

/** The assessments' figures of the period (also in the key figures). */
export const assessmentsOf = (selection: PeriodSelection): AssessmentFigures => assessmentFigures(selection.services);

const cells = (c: BandCounts) => [...BANDS, 'n/a' as const].map((b) => html`<td>${c[b]}</td>`);

export const bandsSection = defineSection({
  id: 'principes',
  title: 'Hoe scoren de diensten per principe?',
  in: { public: 20, committee: 50 },
  model: (selection) => ({ assessments: selection.shared(assessmentsOf) }),
  json: (model) => model,
  html({ assessments }, { audience, heading, period }) {
    if (assessments.services === 0)
      // The committee's page lists what is missing elsewhere; the public page says why the section is empty.
      return audience === 'public'
        ? html`${heading}<p>Voor ${period.label} zijn er nog geen toetsingen. Er zijn dus geen gegevens om te tonen.</p>`
        : html``;
    const rows = PRINCIPLES.flatMap((p) => (['G', 'I'] as const).map((v) => ({ p, v, c: assessments.bands[p][v] })));
    const summary = rows
      .map(
        ({ p, v, c }) =>
          `${PRINCIPLE_NAMES[p]}, ${PERSPECTIVE_NAMES[v].toLowerCase()}: ${c.good} goed, ${c.partial} gedeeltelijk, ${c.none} niet`,
      )
      .join('; ');
    const chart = stackedBars(
      `Aantal diensten per score, ${period.label}: ${summary}`,
      rows.map(({ p, v, c }) => ({
        name: `${PRINCIPLE_NAMES[p]} (${v === 'G' ? 'gebruikers' : 'inclusie'})`,
        parts: BANDS.map((b) => ({ value: c[b], colour: BAND_COLOURS[b] })),
      })),
    );
    const tableRows = [...PRINCIPLES, 'all' as const].flatMap((p) =>
      (['G', 'I', 'all'] as const).map((v) => {
        const name = p === 'all' ? 'Alle principes' : PRINCIPLE_NAMES[p];
        const persp = v === 'all' ? 'alle criteria' : PERSPECTIVE_NAMES[v].toLowerCase();
        return html`<tr><th scope="row">${name} — ${persp}</th>${cells(assessments.bands[p][v])}</tr>`;
      }),
    );
    return html`${heading}
<p>Per principe: hoeveel diensten goed, gedeeltelijk of niet scoren, op de gebruikerscriteria en op de inclusiecriteria (${period.label}).</p>
${legend(BANDS.map((b) => ({ colour: BAND_COLOURS[b], label: BAND_LABELS[b] })))}
${chart}
${scrollTable(`Aantal diensten per principe en score, ${period.label}`, ['Principe en perspectief', ...BANDS.map((b) => BAND_SHORT[b]), BAND_SHORT['n/a']], tableRows)}
${csvLink(BANDS_CSV, 'deze tabel')}`;
  },
  csv: [
    {
      name: BANDS_CSV,
      header: ['periode', 'principe', 'perspectief', 'goed', 'gedeeltelijk', 'niet', 'niet_van_toepassing'],
      rows: ({ assessments }, { period }) =>
        [...PRINCIPLES, 'all' as const].flatMap((p) =>
          [...PERSPECTIVES, 'all' as const].map((v) => {
            const c = assessments.bands[p][v];
            return [period.id, p === 'all' ? 'alle' : p, v === 'all' ? 'alle' : v, c.good, c.partial, c.none, c['n/a']];
          }),
        ),
    },
  ],
});
