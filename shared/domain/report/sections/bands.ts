// How the services score per principle and perspective: the results (each
// service's latest `post`) and, apart, the forecasts (the `pre` of services
// not yet assessed after their rework).
import { PERSPECTIVE_NAMES, PERSPECTIVES, PRINCIPLE_NAMES, PRINCIPLES } from '../../catalog.js';
import type { Band } from '../../scoring.js';
import { assessmentFigures, type AssessmentFigures, type BandCounts, type BandTable } from '../assessment-figures.js';
import { csvLink } from '../components/csv-link.js';
import { legend } from '../components/legend.js';
import { stackedBars } from '../components/stacked-bars.js';
import { scrollTable } from '../components/table.js';
import { html } from '../html.js';
import { BAND_COLOURS, BAND_LABELS, BAND_SHORT } from '../labels.js';
import type { PeriodSelection } from '../period-selection.js';
import { defineSection } from './section.js';
import { COLUMNS } from '../columns.js';

export const BANDS_CSV = 'indicators.csv';
const BANDS: Band[] = ['good', 'partial', 'none'];

/** The assessments' figures of the period (also in the key figures). */
export const assessmentsOf = (selection: PeriodSelection): AssessmentFigures => assessmentFigures(selection.services, selection.all);

const countOf = (t: BandTable) => t.all.all.good + t.all.all.partial + t.all.all.none + t.all.all['n/a'];

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
    const block = (table: BandTable, what: string, caption: string) => {
      const n = countOf(table);
      if (n === 0) return html`<p>${what}: nog geen.</p>`;
      const rows = PRINCIPLES.flatMap((p) => (['G', 'I'] as const).map((v) => ({ p, v, c: table[p][v] })));
      const summary = rows
        .map(
          ({ p, v, c }) =>
            `${PRINCIPLE_NAMES[p]}, ${PERSPECTIVE_NAMES[v].toLowerCase()}: ${c.good} goed, ${c.partial} gedeeltelijk, ${c.none} niet`,
        )
        .join('; ');
      const chart = stackedBars(
        `${caption}, ${period.label}: ${summary}`,
        rows.map(({ p, v, c }) => ({
          name: `${PRINCIPLE_NAMES[p]} (${v === 'G' ? 'gebruikers' : 'inclusie'})`,
          parts: BANDS.map((b) => ({ value: c[b], colour: BAND_COLOURS[b] })),
        })),
      );
      const tableRows = [...PRINCIPLES, 'all' as const].flatMap((p) =>
        (['G', 'I', 'all'] as const).map((v) => {
          const name = p === 'all' ? 'Alle principes' : PRINCIPLE_NAMES[p];
          const persp = v === 'all' ? 'alle criteria' : PERSPECTIVE_NAMES[v].toLowerCase();
          return html`<tr><th scope="row">${name} — ${persp}</th>${cells(table[p][v])}</tr>`;
        }),
      );
      return html`<h3>${what} (${n} ${n === 1 ? 'dienst' : 'diensten'})</h3>
${chart}
${scrollTable(`${caption} per principe en score, ${period.label}`, ['Principe en perspectief', ...BANDS.map((b) => BAND_SHORT[b]), BAND_SHORT['n/a']], tableRows)}`;
    };
    return html`${heading}
<p>Per principe: hoeveel diensten goed, gedeeltelijk of niet scoren, op de gebruikerscriteria en op de inclusiecriteria (${period.label}). Resultaten na de vernieuwing en verwachtingen vóór de vernieuwing staan apart: een toetsing vóór de vernieuwing zegt hoe de dienst zal voldoen, niet hoe ze voldoet.</p>
${legend(BANDS.map((b) => ({ colour: BAND_COLOURS[b], label: BAND_LABELS[b] })))}
${block(assessments.bands, 'Resultaten na de vernieuwing', 'Resultaten: aantal diensten')}
${block(assessments.forecastBands, 'Verwachtingen vóór de vernieuwing', 'Verwachtingen: aantal diensten')}
${csvLink(BANDS_CSV, 'deze tabellen')}`;
  },
  csv: [
    {
      name: BANDS_CSV,
      header: ['periode', 'soort', 'principe', 'perspectief', 'goed', 'gedeeltelijk', 'niet', 'niet_van_toepassing'],
      metadata: {
        title: 'Diensten per principe, perspectief en kleurcode',
        description:
          'Per principe en perspectief: hoeveel diensten goed, gedeeltelijk of niet scoren. Resultaten (de laatste toetsing na de vernieuwing) en verwachtingen (de toetsing vóór de vernieuwing van diensten die nog niet na de vernieuwing getoetst zijn) staan apart. Eén rij per soort, principe en perspectief.',
        columns: {
          periode: COLUMNS.period,
          soort: {
            description: 'resultaat (na de vernieuwing) of verwachting (vóór de vernieuwing).',
            datatype: 'string',
            values: ['resultaat', 'verwachting'],
          },
          principe: {
            description: 'SD Standaard digitaal, GC Gebruiker centraal, DH Digitaal herdacht, DG Datagedreven, BT Betrouwbaar, of alle.',
            datatype: 'string',
            values: ['SD', 'GC', 'DH', 'DG', 'BT', 'alle'],
          },
          perspectief: {
            description: 'G gebruikerscriteria, I inclusiecriteria, of alle criteria.',
            datatype: 'string',
            values: ['G', 'I', 'alle'],
          },
          goed: { ...COLUMNS.bandCount, description: 'Aantal diensten met een score van minstens 80 %.' },
          gedeeltelijk: { ...COLUMNS.bandCount, description: 'Aantal diensten met een score boven 0 en onder 80 %.' },
          niet: { ...COLUMNS.bandCount, description: 'Aantal diensten met een score van 0.' },
          niet_van_toepassing: { ...COLUMNS.bandCount, description: 'Aantal diensten waarvoor geen enkel criterium van toepassing is.' },
        },
      },
      rows: ({ assessments }, { period }) =>
        (
          [
            ['resultaat', assessments.bands],
            ['verwachting', assessments.forecastBands],
          ] as const
        ).flatMap(([kind, table]) =>
          [...PRINCIPLES, 'all' as const].flatMap((p) =>
            [...PERSPECTIVES, 'all' as const].map((v) => {
              const c = table[p][v];
              return [period.id, kind, p === 'all' ? 'alle' : p, v === 'all' ? 'alle' : v, c.good, c.partial, c.none, c['n/a']];
            }),
          ),
        ),
    },
  ],
});
