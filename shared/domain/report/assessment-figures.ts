// The assessments' figures of a period, from the as-of selection: which
// services were assessed by the period's end, how significant they are, what
// they owe (the one owed rule), and the bands — results (the latest `post`)
// and forecasts (services with only a `pre`) counted apart (seed §3.2: a
// `pre` says how a service *will* meet the criteria).
import type { ServiceAsOf } from '../as-of.js';
import type { AssessmentRow } from '../assessment-row.js';
import { PERSPECTIVES, PRINCIPLES, type Principle } from '../catalog.js';
import { headline, type Headline } from '../lifecycle/headline.js';
import type { Band, Score } from '../scoring.js';

export type BandCounts = Record<Band, number>;
export type GroupKey = 'G' | 'I' | 'all';
export type BandTable = Record<Principle | 'all', Record<GroupKey, BandCounts>>;

export interface AssessmentFigures {
  /** services with an assessment dated by the period's end */
  services: number;
  significant: number;
  /** neither budget nor audience known: never counted as not significant */
  significanceUnknown: number;
  withPre: number;
  withPost: number;
  /** significant services that owe an assessment by the period's end (one rule, design §2) */
  owing: number;
  /** significant services without a `post` whose go-live date is unknown */
  goLiveUnknown: number;
  /** results: the bands of each service's latest `post` */
  bands: BandTable;
  /** forecasts: the bands of the `pre` of services without a `post` yet */
  forecastBands: BandTable;
  /** good on the user and on the inclusion criteria (seed §6.4.4), results and forecasts apart */
  headline: Headline;
}

/** An assessment as the reports show it: when, its score and its band over all criteria. */
export interface PhaseSummary {
  assessedOn: string;
  score: Score;
  band: Band;
}

export const phaseSummary = (a: Pick<AssessmentRow, 'assessedOn' | 'scores' | 'bands'>): PhaseSummary => ({
  assessedOn: a.assessedOn,
  score: a.scores.all.all,
  band: a.bands.all.all,
});

/** A service of the period's selection, with the assessments that count for it. */
export interface ServiceAtPeriod {
  service: ServiceAsOf;
  pre: AssessmentRow | null;
  post: AssessmentRow | null;
}

const emptyCounts = (): BandCounts => ({ good: 0, partial: 0, none: 0, 'n/a': 0 });
const emptyTable = (): BandTable => {
  const t = {} as BandTable;
  for (const p of [...PRINCIPLES, 'all'] as const) t[p] = { G: emptyCounts(), I: emptyCounts(), all: emptyCounts() };
  return t;
};

/** The services assessed by the period's end (a service only planned is not among them). */
export const assessedOf = (services: readonly ServiceAsOf[]): ServiceAtPeriod[] =>
  services.filter((s) => s.pre !== null || s.post !== null).map((service) => ({ service, pre: service.pre, post: service.post }));

/** The newest submission among the assessments that count. */
export function assessmentsAsOf(rows: readonly ServiceAtPeriod[]): string | null {
  let max: string | null = null;
  for (const r of rows) for (const a of [r.pre, r.post]) if (a && (max === null || a.submittedAt > max)) max = a.submittedAt;
  return max;
}

/** The figures over the assessed services; owing counts every significant service of the selection, planned ones too. */
export function assessmentFigures(
  rows: readonly ServiceAtPeriod[],
  all: readonly ServiceAsOf[] = rows.map((r) => r.service),
): AssessmentFigures {
  const bands = emptyTable();
  const forecastBands = emptyTable();
  for (const { pre, post } of rows) {
    const [table, current] = post ? [bands, post] : [forecastBands, pre!];
    for (const p of [...PRINCIPLES, 'all'] as const)
      for (const v of [...PERSPECTIVES, 'all'] as const) table[p][v][current.bands[p][v]] += 1;
  }
  return {
    services: rows.length,
    significant: rows.filter((r) => r.service.significance === true).length,
    significanceUnknown: rows.filter((r) => r.service.significance === 'unknown').length,
    withPre: rows.filter((r) => r.pre).length,
    withPost: rows.filter((r) => r.post).length,
    owing: all.filter((s) => s.owed.owes.length > 0).length,
    goLiveUnknown: all.filter((s) => s.owed.goLiveUnknown).length,
    bands,
    forecastBands,
    headline: headline(rows),
  };
}
