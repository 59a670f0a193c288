// The services being reworked now (design §5): planned in a provider's yearly
// plan, or assessed before their rework and not yet after it — each with what
// it expects to reach (the forecast of its `pre`). Public: names and figures
// only, no free text.
import type { ServiceAsOf } from '../../as-of.js';
import { headlineClass, type HeadlineClass } from '../../lifecycle/headline.js';
import { describeOrganisation } from '../../organisations.js';
import type { PhaseSummary } from '../assessment-figures.js';
import { csvLink } from '../components/csv-link.js';
import { phaseCell } from '../components/phase-cell.js';
import { scrollTable } from '../components/table.js';
import { html } from '../html.js';
import type { PeriodSelection } from '../period-selection.js';
import { defineSection } from './section.js';
import { COLUMNS } from '../columns.js';

export const IN_REWORK_CSV = 'in-vernieuwing.csv';

export interface ServiceInRework {
  organisationId: string;
  organisationName: string;
  serviceId: string;
  name: string;
  kind: 'new' | 'rework' | null;
  startsOn: string | null;
  goLiveOn: string | null;
  /** the forecast: the latest `pre`, if any */
  forecast: (PhaseSummary & { headline: HeadlineClass }) | null;
}

const KIND = { new: 'nieuwe dienst', rework: 'vernieuwing' } as const;

/** What the plan says, in words: its kind and start when planned, and when it goes live. */
const planning = (s: ServiceInRework) =>
  [
    s.kind ? `${KIND[s.kind]} in het jaarplan, start ${s.startsOn}` : 'niet in een jaarplan',
    `in gebruik: ${s.goLiveOn ?? 'onbekend'}`,
  ].join('; ');
const HEADLINE: Record<HeadlineClass, string> = {
  good: 'goed op beide',
  not_good: 'nog niet goed op beide',
  not_applicable: 'deels niet van toepassing',
};

/** Being reworked at the period's end: planned and started, or a pre without a post. */
const inRework = (s: ServiceAsOf, end: string) => !s.post && (s.pre !== null || (s.plan !== null && s.plan.startsOn <= end));

export function servicesInRework(selection: PeriodSelection): ServiceInRework[] {
  return selection.all
    .filter((s) => inRework(s, selection.period.end))
    .map((s) => ({
      organisationId: s.organisationId,
      organisationName: describeOrganisation(s.organisationId, selection.organisations).name,
      serviceId: s.serviceId,
      name: s.name,
      kind: s.plan?.kind ?? null,
      startsOn: s.plan?.startsOn ?? null,
      goLiveOn: s.plan?.goLiveOn ?? s.pre?.service.goLiveOn ?? null,
      // A literal, not a spread of phaseSummary and a property: some 250 bytes less a service on Node 20 (services.ts).
      forecast: s.pre
        ? { assessedOn: s.pre.assessedOn, score: s.pre.scores.all.all, band: s.pre.bands.all.all, headline: headlineClass(s.pre.bands) }
        : null,
    }));
}

export const inReworkSection = defineSection({
  id: 'in-vernieuwing',
  title: 'Diensten in vernieuwing',
  in: { public: 35, committee: 95 },
  model: (selection) => ({ inRework: servicesInRework(selection) }),
  json: (model) => model,
  html: ({ inRework }, { heading, period }) => html`${heading}
<p>Diensten die op het einde van ${period.label} nieuw gebouwd of grondig vernieuwd worden: opgenomen in het jaarplan van hun organisatie, of vóór de vernieuwing getoetst en nog niet erna. De verwachting is wat de toetsing vóór de vernieuwing zegt; het resultaat volgt na de vernieuwing.</p>
${
  inRework.length === 0
    ? html`<p>Geen diensten in vernieuwing.</p>`
    : scrollTable(
        `Diensten in vernieuwing, stand ${period.label}`,
        ['Dienst', 'Planning', 'Verwachting', 'Beide perspectieven'],
        // Four columns, so the table reads on a phone; the CSV has every date in a column of its own.
        inRework.map(
          (s) =>
            html`<tr><th scope="row">${s.name}<br><span class="note">${s.organisationName}</span></th><td class="text">${planning(s)}</td>${phaseCell(s.forecast)}<td class="text">${s.forecast ? HEADLINE[s.forecast.headline] : 'nog niet getoetst'}</td></tr>`,
        ),
      )
}
${csvLink(IN_REWORK_CSV, 'deze tabel')}`,
  csv: [
    {
      name: IN_REWORK_CSV,
      metadata: {
        title: 'Diensten in vernieuwing',
        description:
          'Eén rij per dienst die aan het einde van de periode vernieuwd wordt: gepland in een jaarplan en gestart, of vóór de vernieuwing getoetst en nog niet erna; met de verwachting van die toetsing.',
        columns: {
          periode: COLUMNS.period,
          organisatie: COLUMNS.organisation,
          organisatie_naam: COLUMNS.organisationName,
          dienst: COLUMNS.service,
          dienst_naam: COLUMNS.serviceName,
          soort: {
            description: 'new: een nieuwe dienst; rework: een grondige vernieuwing (uit het jaarplan).',
            datatype: 'string',
            values: ['new', 'rework'],
            empty: 'niet in een jaarplan',
          },
          start: { ...COLUMNS.date, description: 'De start van het werk, uit het jaarplan.', empty: 'niet in een jaarplan' },
          in_gebruik: { ...COLUMNS.date, description: 'De geplande ingebruikname.', empty: 'niet gekend' },
          verwachting_datum: { ...COLUMNS.date, description: 'De datum van de toetsing vóór de vernieuwing.', empty: 'nog niet getoetst' },
          verwachting_score: {
            ...COLUMNS.score,
            description: `Verwacht, vóór de vernieuwing. ${COLUMNS.score.description}`,
            empty: 'nog niet getoetst, of niet van toepassing',
          },
          verwachting_band: { ...COLUMNS.band, empty: 'nog niet getoetst' },
          verwachting_beide_goed: {
            description:
              'good: verwacht goed op de gebruikers- én de inclusiecriteria; not_good: nog niet goed op beide; not_applicable: een van beide is niet van toepassing.',
            datatype: 'string',
            values: ['good', 'not_good', 'not_applicable'],
            empty: 'nog niet getoetst',
          },
        },
      },
      header: [
        'periode',
        'organisatie',
        'organisatie_naam',
        'dienst',
        'dienst_naam',
        'soort',
        'start',
        'in_gebruik',
        'verwachting_datum',
        'verwachting_score',
        'verwachting_band',
        'verwachting_beide_goed',
      ],
      rows: ({ inRework }, { period }) =>
        inRework.map((s) => [
          period.id,
          s.organisationId,
          s.organisationName,
          s.serviceId,
          s.name,
          s.kind,
          s.startsOn,
          s.goLiveOn,
          s.forecast?.assessedOn ?? null,
          s.forecast?.score ?? null,
          s.forecast?.band ?? null,
          s.forecast ? s.forecast.headline : null,
        ]),
    },
  ],
});
