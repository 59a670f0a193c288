// Which assessment of each service counts for a period, and the band counts.
// A service counts with its latest `post` assessed by the period's end, or
// else its latest `pre`; a service not yet assessed by then is left out.
import { PERSPECTIVES, PRINCIPLES, type Principle } from '../catalog.js';
import type { Period } from '../periods.js';
import type { Band, Score } from '../scoring.js';
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

/** An assessment as the reports show it: when, its score and its band over all criteria. */
export interface PhaseSummary {
  assessedOn: string;
  score: Score;
  band: Band;
}

export const phaseSummary = (a: ScoredAssessment): PhaseSummary => ({
  assessedOn: a.assessedOn,
  score: a.scores.all.all,
  band: a.bands.all.all,
});

export interface ServiceAtPeriod {
  service: ServiceProjection;
  pre: ScoredAssessment | null;
  post: ScoredAssessment | null;
}

const emptyCounts = (): BandCounts => ({ good: 0, partial: 0, none: 0, 'n/a': 0 });

export function servicesAt(services: readonly ServiceProjection[], period: Period): ServiceAtPeriod[] {
  return services
    .map((service) => ({
      service,
      pre: latestOfPhase(service.assessments, 'pre', period.end),
      post: latestOfPhase(service.assessments, 'post', period.end),
    }))
    .filter((s) => s.pre !== null || s.post !== null);
}

export function assessmentsAsOf(rows: readonly ServiceAtPeriod[]): string | null {
  let max: string | null = null;
  for (const r of rows) for (const a of [r.pre, r.post]) if (a && (max === null || a.submittedAt > max)) max = a.submittedAt;
  return max;
}

export function assessmentFigures(rows: readonly ServiceAtPeriod[]): AssessmentFigures {
  const bands = {} as BandTable;
  for (const p of [...PRINCIPLES, 'all'] as const) bands[p] = { G: emptyCounts(), I: emptyCounts(), all: emptyCounts() };
  for (const { pre, post } of rows) {
    const current = (post ?? pre)!;
    for (const p of [...PRINCIPLES, 'all'] as const)
      for (const v of [...PERSPECTIVES, 'all'] as const) bands[p][v][current.bands[p][v]] += 1;
  }
  return {
    services: rows.length,
    significant: rows.filter((r) => r.service.significant).length,
    withPre: rows.filter((r) => r.pre).length,
    withPost: rows.filter((r) => r.post).length,
    owing: rows.filter((r) => r.service.significant && !r.pre).length,
    bands,
  };
}
