// The services assessed both before and after their rework, and how their
// score over all criteria changed.
import { describeOrganisation } from '../../organisations.js';
import type { AssessmentRow } from '../../assessment-row.js';
import { phaseSummary, type PhaseSummary, type ServiceAtPeriod } from '../assessment-figures.js';
import { csvLink } from '../components/csv-link.js';
import { eachRow } from '../csv.js';
import { phaseCell } from '../components/phase-cell.js';
import { stackedBars } from '../components/stacked-bars.js';
import { scrollTable } from '../components/table.js';
import { points } from '../format.js';
import { each, html } from '../html.js';
import { BAND_COLOURS } from '../labels.js';
import { lazyMap, type LazyList } from '../lazy-list.js';
import type { PeriodSelection } from '../period-selection.js';
import { defineSection } from './section.js';
import { COLUMNS } from '../columns.js';

export const REWORKED_CSV = 'vernieuwde-diensten.csv';

export interface ReworkedService {
  organisationId: string;
  organisationName: string;
  serviceId: string;
  name: string;
  pre: PhaseSummary;
  post: PhaseSummary;
  /** post minus pre over all criteria; null when either is n/a */
  change: number | null;
}

export interface ReworkedFigures {
  improved: number;
  unchanged: number;
  worse: number;
  /** made when written: a period can count every service among them */
  services: LazyList<ReworkedService>;
}

/** A service assessed both before and after its rework, as the selection holds it. */
type Reworked = ServiceAtPeriod & { pre: AssessmentRow; post: AssessmentRow };

/** The reworked services of the period (also in the key figures). */
export function reworkedOf(selection: PeriodSelection): ReworkedFigures {
  // The selection lists its services by organisation, then service: so does this.
  const both = selection.services.filter((s): s is Reworked => s.pre !== null && s.post !== null);
  let improved = 0;
  let unchanged = 0;
  let worse = 0;
  for (const { pre, post } of both) {
    const change = changeOf(pre, post);
    if (change !== null && change > 0) improved++;
    else if (change === 0) unchanged++;
    else if (change !== null && change < 0) worse++;
  }
  return { improved, unchanged, worse, services: reworkedRows(both, selection.organisations) };
}

/** post minus pre over all criteria; null when either is n/a */
function changeOf(pre: AssessmentRow, post: AssessmentRow): number | null {
  const a = pre.scores.all.all;
  const b = post.scores.all.all;
  return a === null || b === null ? null : b - a;
}

/** A function of its own, so that the list holds the services it lists, not the selection. */
function reworkedRows(both: readonly Reworked[], organisations: PeriodSelection['organisations']): LazyList<ReworkedService> {
  return lazyMap(both, ({ service, pre, post }) => ({
    organisationId: service.organisationId,
    organisationName: describeOrganisation(service.organisationId, organisations).name,
    serviceId: service.serviceId,
    name: service.name,
    pre: phaseSummary(pre),
    post: phaseSummary(post),
    change: changeOf(pre, post),
  }));
}

const GREY = '#e4e6ea';

export const reworkedSection = defineSection({
  id: 'vernieuwd',
  title: 'Vernieuwde diensten: vóór en na',
  in: { public: 30, committee: 90 },
  model: (selection) => ({ reworked: selection.shared(reworkedOf) }),
  json: (model) => model,
  html({ reworked: w }, { heading, period }) {
    if (w.services.length === 0)
      return html`${heading}<p>Voor ${period.label} is er nog geen dienst die zowel vóór als na de vernieuwing getoetst is. Er zijn dus geen gegevens om te vergelijken.</p>`;
    const share = (name: string, value: number, colour: string) => ({
      name,
      parts: [
        { value, colour },
        { value: w.services.length - value, colour: GREY },
      ],
    });
    const chart = stackedBars(`Vernieuwde diensten, ${period.label}: ${w.improved} beter, ${w.unchanged} gelijk, ${w.worse} minder goed`, [
      share('beter', w.improved, BAND_COLOURS.good),
      share('gelijk', w.unchanged, BAND_COLOURS['n/a']),
      share('minder goed', w.worse, BAND_COLOURS.none),
    ]);
    const rows = each(
      w.services,
      (s) =>
        html`<tr><th scope="row">${s.name}<br><span class="note">${s.organisationName}</span></th>${phaseCell(s.pre)}${phaseCell(s.post)}<td>${points(s.change)}</td></tr>`,
    );
    return html`${heading}
<p>${w.services.length} diensten zijn vóór én na hun vernieuwing getoetst. ${w.improved} scoren nu beter, ${w.unchanged} gelijk en ${w.worse} minder goed (score over alle criteria).</p>
${chart}
${scrollTable(`Score over alle criteria vóór en na de vernieuwing, stand ${period.label}`, ['Dienst', 'Vóór', 'Na', 'Verschil'], rows)}
${csvLink(REWORKED_CSV, 'deze tabel')}`;
  },
  csv: [
    {
      name: REWORKED_CSV,
      metadata: {
        title: 'Vernieuwde diensten: score vóór en na',
        description: 'Eén rij per dienst die vóór én na de vernieuwing getoetst is: de score over alle criteria vóór, na, en het verschil.',
        columns: {
          periode: COLUMNS.period,
          organisatie: COLUMNS.organisation,
          organisatie_naam: COLUMNS.organisationName,
          dienst: COLUMNS.service,
          dienst_naam: COLUMNS.serviceName,
          voor_datum: { ...COLUMNS.date, description: 'De datum van de toetsing vóór de vernieuwing.' },
          voor_score: { ...COLUMNS.score, description: `Vóór de vernieuwing. ${COLUMNS.score.description}` },
          voor_band: COLUMNS.band,
          na_datum: { ...COLUMNS.date, description: 'De datum van de toetsing na de vernieuwing.' },
          na_score: { ...COLUMNS.score, description: `Na de vernieuwing. ${COLUMNS.score.description}` },
          na_band: COLUMNS.band,
          verschil: {
            description: 'Score na min score vóór.',
            datatype: 'double',
            minimum: -1,
            maximum: 1,
            unit: 'aandeel (−1 tot 1)',
            empty: 'een van beide scores is niet van toepassing',
          },
        },
      },
      header: [
        'periode',
        'organisatie',
        'organisatie_naam',
        'dienst',
        'dienst_naam',
        'voor_datum',
        'voor_score',
        'voor_band',
        'na_datum',
        'na_score',
        'na_band',
        'verschil',
      ],
      rows: ({ reworked }, { period }) =>
        eachRow(reworked.services, (s) => [
          period.id,
          s.organisationId,
          s.organisationName,
          s.serviceId,
          s.name,
          s.pre.assessedOn,
          s.pre.score,
          s.pre.band,
          s.post.assessedOn,
          s.post.score,
          s.post.band,
          s.change,
        ]),
    },
  ],
});
