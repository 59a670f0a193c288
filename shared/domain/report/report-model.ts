// The figures of a period's two reports, computed from the projections: the
// public transparency report and the steering committee's report. Pure and
// deterministic: the same data gives the same figures, in the same order.
import { CATALOGS, type Principle, type Perspective } from '../catalog.js';
import type { Exact } from '../exact.js';
import { buildEloketFigures, type EloketFigureJson } from '../indicators.js';
import { describeOrganisation, type Organisation } from '../organisations.js';
import { parsePeriod, periodContaining, shiftPeriod, type Period } from '../periods.js';
import { figureFor, type CountsSummary } from '../service-counts.js';
import type { Band, Score } from '../scoring.js';
import { assessmentFigures, assessmentsAsOf, servicesAt, type AssessmentFigures, type ServiceAtPeriod } from './assessment-figures.js';
import { dataQualityFindings, type Finding } from './findings.js';
import { periodLabel } from './labels.js';
import type { ScoredAssessment, ServiceProjection } from '../service-view.js';

export type { AssessmentFigures, BandCounts, BandTable } from './assessment-figures.js';

export interface EloketInput {
  id: string;
  name: string;
  main: boolean;
  reported: ReadonlyMap<string, { version: number; summary: CountsSummary; submittedAt: string }>;
}

export interface ReportInput {
  periodId: string;
  codeVersion: string;
  services: readonly ServiceProjection[];
  eloketten: readonly EloketInput[];
  organisations: ReadonlyMap<string, Organisation>;
}

export interface PhaseSummary {
  assessedOn: string;
  score: Score;
  band: Band;
}

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

export interface EvolutionPoint {
  quarter: string;
  status: EloketFigureJson['status'];
  servicesOffered: Exact | null;
  byTargetGroup: Partial<Record<string, Exact>>;
}

export interface PublicReport {
  kind: 'public';
  period: Pick<Period, 'id' | 'kind' | 'start' | 'end'> & { label: string };
  /** the newest submission the report rests on; null when there is none */
  asOf: string | null;
  codeVersion: string;
  assessments: AssessmentFigures;
  reworked: { improved: number; unchanged: number; worse: number; services: ReworkedService[] };
  eloketten: Array<{ id: string; name: string; main: boolean; figure: EloketFigureJson }>;
  all: ReturnType<typeof buildEloketFigures>['all'];
  evolution: { quarters: string[]; eloketten: Array<{ id: string; name: string; points: EvolutionPoint[] }> };
}

export interface CommitteeService {
  serviceId: string;
  name: string;
  significant: boolean;
  pre: (PhaseSummary & { bands: ScoredAssessment['bands'] }) | null;
  post: (PhaseSummary & { bands: ScoredAssessment['bands'] }) | null;
}

export interface ExplanationRow {
  organisationId: string;
  serviceId: string;
  phase: 'pre' | 'post';
  criterionId: string;
  explanation: string;
}

export interface CriterionGap {
  criterionId: string;
  principle: Principle;
  perspective: Perspective;
  text: string;
  met: number;
  notMet: number;
  notApplicable: number;
  /** met ÷ (met + not met); null when no service could meet it */
  share: number | null;
}

export interface CommitteeReport extends Omit<PublicReport, 'kind'> {
  kind: 'committee';
  domains: Array<{ policyDomain: string; organisations: Array<{ organisationId: string; name: string; services: CommitteeService[] }> }>;
  explanations: ExplanationRow[];
  owing: Array<{ organisationId: string; organisationName: string; serviceId: string; name: string; owes: 'pre' | 'post' }>;
  criteria: CriterionGap[];
  missingCounts: Array<{ id: string; name: string }>;
  findings: Finding[];
}

const phaseSummary = (a: ScoredAssessment): PhaseSummary => ({ assessedOn: a.assessedOn, score: a.scores.all.all, band: a.bands.all.all });

const byOrgThenService = (a: { organisationId: string; serviceId: string }, b: { organisationId: string; serviceId: string }) =>
  a.organisationId.localeCompare(b.organisationId) || a.serviceId.localeCompare(b.serviceId);

function reworked(rows: readonly ServiceAtPeriod[], orgs: ReadonlyMap<string, Organisation>): PublicReport['reworked'] {
  const services = rows
    .filter((r) => r.pre && r.post)
    .map(({ service, pre, post }) => {
      const a = pre!.scores.all.all;
      const b = post!.scores.all.all;
      return {
        organisationId: service.organisationId,
        organisationName: describeOrganisation(service.organisationId, orgs).name,
        serviceId: service.serviceId,
        name: service.name,
        pre: phaseSummary(pre!),
        post: phaseSummary(post!),
        change: a === null || b === null ? null : b - a,
      };
    })
    .sort(byOrgThenService);
  return {
    improved: services.filter((s) => s.change !== null && s.change > 0).length,
    unchanged: services.filter((s) => s.change === 0).length,
    worse: services.filter((s) => s.change !== null && s.change < 0).length,
    services,
  };
}

function evolution(period: Period, eloketten: readonly EloketInput[]): PublicReport['evolution'] {
  const lastQuarter = periodContaining(period.end, 'quarter');
  const quarters = [-7, -6, -5, -4, -3, -2, -1, 0].map((n) => shiftPeriod(lastQuarter, n));
  return {
    quarters,
    eloketten: eloketten
      .filter((e) => e.main)
      .map((e) => ({
        id: e.id,
        name: e.name,
        points: quarters.map((quarter) => {
          const f = figureFor(quarter, e.reported);
          if (f.status === 'no_data') return { quarter, status: 'no_data' as const, servicesOffered: null, byTargetGroup: {} };
          const json = buildEloketFigures(quarter, [e]).eloketten[e.id]!;
          return json.status === 'no_data'
            ? { quarter, status: 'no_data' as const, servicesOffered: null, byTargetGroup: {} }
            : { quarter, status: json.status, servicesOffered: json.servicesOffered, byTargetGroup: json.byTargetGroup };
        }),
      })),
  };
}

function criterionGaps(rows: readonly ServiceAtPeriod[]): CriterionGap[] {
  const catalog = CATALOGS['2022-07']!;
  const gaps = catalog.criteria.map((c) => ({
    criterionId: c.id,
    principle: c.principle,
    perspective: c.perspective,
    text: c.text,
    met: 0,
    notMet: 0,
    notApplicable: 0,
    share: null as number | null,
  }));
  for (const { pre, post } of rows) {
    const current = (post ?? pre)!;
    if (current.catalogVersion !== catalog.version) continue;
    [...current.answerCodes].forEach((code, i) => {
      const g = gaps[i]!;
      if (code === 'y') g.met += 1;
      else if (code === 'n') g.notMet += 1;
      else g.notApplicable += 1;
    });
  }
  for (const g of gaps) g.share = g.met + g.notMet === 0 ? null : g.met / (g.met + g.notMet);
  // The systemic gaps first: the criteria the fewest services meet.
  return gaps.sort((a, b) => (a.share ?? 2) - (b.share ?? 2) || a.criterionId.localeCompare(b.criterionId));
}

export function buildReports(input: ReportInput): { public: PublicReport; committee: CommitteeReport } {
  const period = parsePeriod(input.periodId);
  if (!period) throw new Error(`invalid period ${input.periodId}`);
  const rows = servicesAt(input.services, period).sort((a, b) => byOrgThenService(a.service, b.service));
  const counts = buildEloketFigures(input.periodId, input.eloketten);
  let asOf = assessmentsAsOf(rows);
  if (counts.asOf !== null && (asOf === null || counts.asOf > asOf)) asOf = counts.asOf;

  const pub: PublicReport = {
    kind: 'public',
    period: { id: period.id, kind: period.kind, start: period.start, end: period.end, label: periodLabel(period.id) },
    asOf,
    codeVersion: input.codeVersion,
    assessments: assessmentFigures(rows),
    reworked: reworked(rows, input.organisations),
    eloketten: input.eloketten
      .map((e) => ({ id: e.id, name: e.name, main: e.main, figure: counts.eloketten[e.id]! }))
      .filter((e) => e.main || e.figure.status !== 'no_data'),
    all: counts.all,
    evolution: evolution(period, input.eloketten),
  };

  const withPhase = (a: ScoredAssessment | null) => a && { ...phaseSummary(a), bands: a.bands };
  const domains = new Map<string, Map<string, { organisationId: string; name: string; services: CommitteeService[] }>>();
  for (const { service, pre, post } of rows) {
    const org = describeOrganisation(service.organisationId, input.organisations);
    const orgs = domains.get(org.policyDomain) ?? new Map();
    const entry = orgs.get(service.organisationId) ?? { organisationId: service.organisationId, name: org.name, services: [] };
    entry.services.push({
      serviceId: service.serviceId,
      name: service.name,
      significant: service.significant,
      pre: withPhase(pre),
      post: withPhase(post),
    });
    orgs.set(service.organisationId, entry);
    domains.set(org.policyDomain, orgs);
  }

  const committee: CommitteeReport = {
    ...pub,
    kind: 'committee',
    domains: [...domains.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([policyDomain, orgs]) => ({
        policyDomain,
        organisations: [...orgs.values()].sort((a, b) => a.name.localeCompare(b.name) || a.organisationId.localeCompare(b.organisationId)),
      })),
    // The explanations of each service's latest assessments (comply or explain).
    explanations: rows.flatMap(({ service }) =>
      (['pre', 'post'] as const).flatMap((phase) =>
        service.unmet[phase].map((u) => ({
          organisationId: service.organisationId,
          serviceId: service.serviceId,
          phase,
          criterionId: u.criterionId,
          explanation: u.explanation,
        })),
      ),
    ),
    owing: rows
      .filter((r) => r.service.significant && (!r.pre || !r.post))
      .map(({ service, pre }) => ({
        organisationId: service.organisationId,
        organisationName: describeOrganisation(service.organisationId, input.organisations).name,
        serviceId: service.serviceId,
        name: service.name,
        owes: pre ? ('post' as const) : ('pre' as const),
      })),
    criteria: criterionGaps(rows),
    missingCounts: input.eloketten
      .filter((e) => e.main && counts.eloketten[e.id]?.status === 'no_data')
      .map((e) => ({ id: e.id, name: e.name })),
    findings: dataQualityFindings(input.periodId, input.eloketten, rows),
  };
  return { public: pub, committee };
}
