// Committee: the agenda of the period (seed §3.2.2, design §2.1) — the current
// assessments of significant services dated by the period's end with unmet criteria that had no
// decision before the period, each with the committee's decision of the
// period or "pending" — and the derogations that expire in the next period.
import { agendaOf, expiringDerogations, type AgendaItem, type DecisionFact, type DecisionKind } from '../../lifecycle/agenda.js';
import { describeOrganisation } from '../../organisations.js';
import { parsePeriod, shiftPeriod } from '../../periods.js';
import { csvLink } from '../components/csv-link.js';
import { eachRow } from '../csv.js';
import { scrollTable } from '../components/table.js';
import { each, html, join } from '../html.js';
import { lazyMap } from '../lazy-list.js';
import type { PeriodSelection } from '../period-selection.js';
import { defineSection } from './section.js';

export const AGENDA_CSV = 'agenda.csv';

export interface AgendaRow {
  assessmentId: string;
  organisationId: string;
  organisationName: string;
  serviceId: string;
  serviceName: string;
  phase: 'pre' | 'post';
  assessedOn: string;
  unmet: string[];
  status: 'pending' | 'decided';
  decisions: DecisionFact[];
}

export interface ExpiringDerogation {
  organisationName: string;
  serviceName: string;
  criteria: string[];
  until: string;
}

const DECISION: Record<DecisionKind, string> = {
  accepted: 'uitleg aanvaard',
  derogation: 'afwijking',
  action_required: 'actie gevraagd',
};
const PHASE = { pre: 'vóór', post: 'na' } as const;

const decisionText = (d: DecisionFact) =>
  `${DECISION[d.decision]}${d.until ? ` tot ${d.until}` : ''} (${d.decidedOn}; ${d.criteria.join(', ')})${d.note ? `: ${d.note}` : ''}`;

/**
 * The services' names by organisation, then service: the agenda's rows keep it while they are written,
 * and nested maps make no key string per service (some 5 MiB at 50,000 services, measured).
 */
type ServiceNames = ReadonlyMap<string, ReadonlyMap<string, string>>;

function serviceNames(services: PeriodSelection['services']): ServiceNames {
  const names = new Map<string, Map<string, string>>();
  for (const { service } of services) {
    const ofOrganisation = names.get(service.organisationId) ?? new Map<string, string>();
    ofOrganisation.set(service.serviceId, service.name);
    names.set(service.organisationId, ofOrganisation);
  }
  return names;
}

const nameOf = (names: ServiceNames, s: { organisationId: string; serviceId: string }) =>
  names.get(s.organisationId)?.get(s.serviceId) ?? s.serviceId;

/**
 * The agenda's rows, made when written: a period's agenda can list every significant service's
 * assessments. A function of its own, so that the list holds what its rows need, not the selection.
 */
function agendaRows(items: readonly AgendaItem[], names: ServiceNames, organisations: PeriodSelection['organisations']) {
  return lazyMap(items, ({ assessment: a, decisions, status }): AgendaRow => ({
    assessmentId: a.assessmentId,
    organisationId: a.organisationId,
    organisationName: describeOrganisation(a.organisationId, organisations).name,
    serviceId: a.serviceId,
    serviceName: nameOf(names, a),
    phase: a.phase,
    assessedOn: a.assessedOn,
    unmet: [...a.unmet],
    status,
    decisions,
  }));
}

export const agendaSection = defineSection({
  id: 'agenda',
  title: 'Agenda: toetsingen met criteria waaraan niet voldaan is',
  in: { committee: 35 },
  model: (selection) => {
    const names = serviceNames(selection.services);
    // Seed §3.2.2: the results of the assessments of *significant* services go on the Stuurorgaan's agenda.
    const candidates = selection.services
      .filter(({ service }) => service.significance === true)
      .flatMap(({ pre, post }) => [pre, post].filter((a) => a !== null));
    const items = agendaOf(selection.period, candidates, selection.decisions);
    let pending = 0;
    for (const item of items) if (item.status === 'pending') pending++;
    const agenda = agendaRows(items, names, selection.organisations);
    const next = parsePeriod(shiftPeriod(selection.period.id, 1))!;
    const expiring = expiringDerogations(selection.period, next, selection.decisions).map((d): ExpiringDerogation => ({
      organisationName: describeOrganisation(d.organisationId, selection.organisations).name,
      serviceName: nameOf(names, d),
      criteria: d.criteria,
      until: d.until!,
    }));
    return { agenda, expiring, pending };
  },
  json: ({ agenda, expiring }) => ({ agenda, expiring }),
  html: ({ agenda, expiring, pending }, { heading, period }) =>
    html`${heading}
<p>${agenda.length} toetsingen staan op de agenda van ${period.label}; ${pending} wachten op een beslissing.</p>
${
  agenda.length === 0
    ? ''
    : scrollTable(
        `Agenda van ${period.label}`,
        ['Organisatie / dienst', 'Toetsing', 'Niet voldaan', 'Beslissing'],
        each(
          agenda,
          (a) =>
            html`<tr><th scope="row">${a.organisationName} / ${a.serviceName}</th><td>${PHASE[a.phase]}, ${a.assessedOn}</td><td class="text">${a.unmet.join(', ')}</td><td class="text">${
              a.status === 'pending'
                ? 'nog te beslissen'
                : join(
                    a.decisions.map((d) => html`${decisionText(d)}`),
                    html`<br>`,
                  )
            }</td></tr>`,
        ),
      )
}
${csvLink(AGENDA_CSV, 'de agenda')}
<h3>Afwijkingen die de volgende periode aflopen</h3>
${
  expiring.length === 0
    ? html`<p>Geen.</p>`
    : html`<ul>${expiring.map((e) => html`<li>${e.organisationName} / ${e.serviceName}: ${e.criteria.join(', ')}, tot ${e.until}</li>`)}</ul>`
}`,
  csv: [
    {
      name: AGENDA_CSV,
      header: [
        'periode',
        'organisatie',
        'organisatie_naam',
        'dienst',
        'dienst_naam',
        'toetsing',
        'fase',
        'datum',
        'niet_voldaan',
        'status',
        'beslissingen',
      ],
      rows: ({ agenda }, { period }) =>
        eachRow(agenda, (a) => [
          period.id,
          a.organisationId,
          a.organisationName,
          a.serviceId,
          a.serviceName,
          a.assessmentId,
          a.phase,
          a.assessedOn,
          a.unmet.join(' '),
          a.status,
          a.decisions.map(decisionText).join(' | '),
        ]),
    },
  ],
});
