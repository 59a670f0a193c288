// Committee: every assessed service per policy domain and organisation, its
// assessment before and after its rework side by side.
import { describeOrganisation } from '../../organisations.js';
import type { AssessmentRow } from '../../assessment-row.js';
import type { Significance } from '../../significance.js';
import type { PhaseSummary, ServiceAtPeriod } from '../assessment-figures.js';
import { csvLink } from '../components/csv-link.js';
import { phaseCell } from '../components/phase-cell.js';
import { scrollTable } from '../components/table.js';
import { each, html, join } from '../html.js';
import { lazyMap, type LazyList } from '../lazy-list.js';
import type { PeriodSelection } from '../period-selection.js';
import { defineSection } from './section.js';

export const SERVICES_CSV = 'diensten.csv';

export type PhaseWithBands = PhaseSummary & { bands: AssessmentRow['bands'] };

export interface CommitteeService {
  serviceId: string;
  name: string;
  significant: Significance;
  pre: PhaseWithBands | null;
  post: PhaseWithBands | null;
}

export interface PolicyDomain {
  policyDomain: string;
  /** each organisation's services made when written: the committee's table lists every assessed service */
  organisations: Array<{ organisationId: string; name: string; services: LazyList<CommitteeService> }>;
}

// A literal, not `{ ...phaseSummary(a), bands }`: on Node 20 a spread followed by a property it lacked costs
// some 250 bytes an object more (measured), and there is one per service and phase.
const withBands = (a: AssessmentRow | null): PhaseWithBands | null =>
  a && { assessedOn: a.assessedOn, score: a.scores.all.all, band: a.bands.all.all, bands: a.bands };

const SIGNIFICANT: Record<string, string> = { true: 'ja', false: 'nee', unknown: 'onbekend' };
const significantLabel = (s: Significance) => SIGNIFICANT[String(s)]!;

const committeeService = ({ service, pre, post }: ServiceAtPeriod): CommitteeService => ({
  serviceId: service.serviceId,
  name: service.name,
  significant: service.significance,
  pre: withBands(pre),
  post: withBands(post),
});

function domains(selection: PeriodSelection): PolicyDomain[] {
  type Listed = { organisationId: string; name: string; services: ServiceAtPeriod[] };
  const byDomain = new Map<string, Map<string, Listed>>();
  for (const entry of selection.services) {
    const { service } = entry;
    const org = describeOrganisation(service.organisationId, selection.organisations);
    const orgs = byDomain.get(org.policyDomain) ?? new Map<string, Listed>();
    const listed = orgs.get(service.organisationId) ?? { organisationId: service.organisationId, name: org.name, services: [] };
    listed.services.push(entry);
    orgs.set(service.organisationId, listed);
    byDomain.set(org.policyDomain, orgs);
  }
  return [...byDomain.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([policyDomain, orgs]) => ({
      policyDomain,
      organisations: [...orgs.values()]
        .sort((a, b) => a.name.localeCompare(b.name) || a.organisationId.localeCompare(b.organisationId))
        .map(({ organisationId, name, services }) => ({ organisationId, name, services: lazyMap(services, committeeService) })),
    }));
}

export const servicesSection = defineSection({
  id: 'diensten',
  title: 'Diensten per beleidsdomein en organisatie',
  in: { committee: 60 },
  model: (selection) => ({ domains: domains(selection) }),
  json: (model) => model,
  html({ domains }, { heading, period }) {
    const tables = domains.map(
      (d) => html`<h3>${d.policyDomain}</h3>
${scrollTable(
  `Getoetste diensten in ${d.policyDomain}, stand ${period.label}`,
  ['Organisatie / dienst', 'Significant', 'Vóór', 'Na'],
  // An organisation is listed for its services, so it has at least one: no empty line between two.
  each(d.organisations, (o) =>
    each(
      o.services,
      (s) =>
        html`<tr><th scope="row">${o.name} / ${s.name}</th><td>${significantLabel(s.significant)}</td>${phaseCell(s.pre)}${phaseCell(s.post)}</tr>`,
    ),
  ),
)}`,
    );
    return html`${heading}
${tables.length === 0 ? html`<p>Geen getoetste diensten.</p>` : join(tables, '\n')}
${csvLink(SERVICES_CSV, 'alle diensten')}`;
  },
  csv: [
    {
      name: SERVICES_CSV,
      header: [
        'periode',
        'beleidsdomein',
        'organisatie',
        'organisatie_naam',
        'dienst',
        'dienst_naam',
        'significant',
        'voor_datum',
        'voor_score',
        'voor_band',
        'na_datum',
        'na_score',
        'na_band',
      ],
      // Made as the file is written: a file of every service never holds all its rows at once.
      *rows({ domains }, { period }) {
        for (const d of domains)
          for (const o of d.organisations)
            for (const s of o.services)
              yield [
                period.id,
                d.policyDomain,
                o.organisationId,
                o.name,
                s.serviceId,
                s.name,
                significantLabel(s.significant),
                s.pre?.assessedOn ?? null,
                s.pre?.score ?? null,
                s.pre?.band ?? null,
                s.post?.assessedOn ?? null,
                s.post?.score ?? null,
                s.post?.band ?? null,
              ];
      },
    },
  ],
});
