// The figures of a period's reports, computed from the service projections.
// A service counts with its latest `post` assessed by the period's end, or
// else its latest `pre`; a service not yet assessed by then is left out.
import { PERSPECTIVES, PRINCIPLES, type Principle } from '../catalog.js';
import { parsePeriod, type Period } from '../periods.js';
import type { Band } from '../scoring.js';
import { latestOfPhase, type ScoredAssessment, type ServiceProjection } from '../service-view.js';

export type BandCounts = Record<Band, number>;
export type GroupKey = 'G' | 'I' | 'all';
export type BandTable = Record<Principle | 'all', Record<GroupKey, BandCounts>>;

export interface AssessmentFigures {
  services: number;
  significant: number;
  withPre: number;
  withPost: number;
  /** significant services without a `pre` assessment by the period's end (seed §3.2) */
  owing: number;
  /** bands of each service's current assessment (post if any, else pre) */
  bands: BandTable;
}

export interface PublicReport {
  kind: 'public';
  period: Pick<Period, 'id' | 'kind' | 'start' | 'end'>;
  /** the newest submission the report rests on; null when there is none */
  asOf: string | null;
  codeVersion: string;
  assessments: AssessmentFigures;
}

export interface CommitteeServiceRow {
  organisationId: string;
  serviceId: string;
  name: string;
  significant: boolean;
  pre: { assessedOn: string; bands: ScoredAssessment['bands'] } | null;
  post: { assessedOn: string; bands: ScoredAssessment['bands'] } | null;
}

export interface ExplanationRow {
  organisationId: string;
  serviceId: string;
  phase: 'pre' | 'post';
  criterionId: string;
  explanation: string;
}

export interface CommitteeReport extends Omit<PublicReport, 'kind'> {
  kind: 'committee';
  services: CommitteeServiceRow[];
  explanations: ExplanationRow[];
}

const emptyCounts = (): BandCounts => ({ good: 0, partial: 0, none: 0, 'n/a': 0 });

function emptyTable(): BandTable {
  const t = {} as BandTable;
  for (const p of [...PRINCIPLES, 'all'] as const) t[p] = { G: emptyCounts(), I: emptyCounts(), all: emptyCounts() };
  return t;
}

interface ServiceAtPeriod {
  service: ServiceProjection;
  pre: ScoredAssessment | null;
  post: ScoredAssessment | null;
}

function servicesAt(services: readonly ServiceProjection[], period: Period): ServiceAtPeriod[] {
  return services
    .map((service) => ({
      service,
      pre: latestOfPhase(service.assessments, 'pre', period.end),
      post: latestOfPhase(service.assessments, 'post', period.end),
    }))
    .filter((s) => s.pre !== null || s.post !== null);
}

function asOfOf(rows: readonly ServiceAtPeriod[]): string | null {
  let max: string | null = null;
  for (const r of rows) for (const a of [r.pre, r.post]) if (a && (max === null || a.submittedAt > max)) max = a.submittedAt;
  return max;
}

export function buildPublicReport(services: readonly ServiceProjection[], periodId: string, codeVersion: string): PublicReport {
  const period = parsePeriod(periodId);
  if (!period) throw new Error(`invalid period ${periodId}`);
  const rows = servicesAt(services, period);
  const bands = emptyTable();
  for (const { pre, post } of rows) {
    const current = (post ?? pre)!;
    for (const p of [...PRINCIPLES, 'all'] as const) for (const v of [...PERSPECTIVES, 'all'] as const) bands[p][v][current.bands[p][v]] += 1;
  }
  return {
    kind: 'public',
    period: { id: period.id, kind: period.kind, start: period.start, end: period.end },
    asOf: asOfOf(rows),
    codeVersion,
    assessments: {
      services: rows.length,
      significant: rows.filter((r) => r.service.significant).length,
      withPre: rows.filter((r) => r.pre).length,
      withPost: rows.filter((r) => r.post).length,
      owing: rows.filter((r) => r.service.significant && !r.pre).length,
      bands,
    },
  };
}

export function buildCommitteeReport(services: readonly ServiceProjection[], periodId: string, codeVersion: string): CommitteeReport {
  const pub = buildPublicReport(services, periodId, codeVersion);
  const period = parsePeriod(periodId)!;
  const rows = servicesAt(services, period);
  const pick = (a: ScoredAssessment | null) => a && { assessedOn: a.assessedOn, bands: a.bands };
  return {
    ...pub,
    kind: 'committee',
    services: rows.map(({ service, pre, post }) => ({
      organisationId: service.organisationId,
      serviceId: service.serviceId,
      name: service.name,
      significant: service.significant,
      pre: pick(pre),
      post: pick(post),
    })),
    // The explanations of each service's latest assessments (comply or explain).
    explanations: rows.flatMap(({ service }) =>
      (['pre', 'post'] as const).flatMap((phase) =>
        service.unmet[phase].map((u) => ({ organisationId: service.organisationId, serviceId: service.serviceId, phase, criterionId: u.criterionId, explanation: u.explanation })),
      ),
    ),
  };
}
