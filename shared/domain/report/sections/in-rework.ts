// The services being reworked now (design §5): planned in a provider's yearly
// plan, or assessed before their rework and not yet after it — each with what
// it expects to reach (the forecast of its `pre`). Public: names and figures
// only, no free text.
import type { ServiceAsOf } from '../../as-of.js';
import { headlineClass, type HeadlineClass } from '../../lifecycle/headline.js';
import { describeOrganisation } from '../../organisations.js';
import { phaseSummary, type PhaseSummary } from '../assessment-figures.js';
import { csvLink } from '../components/csv-link.js';
import { phaseCell } from '../components/phase-cell.js';
import { scrollTable } from '../components/table.js';
import { html } from '../html.js';
import type { PeriodSelection } from '../period-selection.js';
import { defineSection } from './section.js';

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
      forecast: s.pre ? { ...phaseSummary(s.pre), headline: headlineClass(s.pre.bands) } : null,
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
