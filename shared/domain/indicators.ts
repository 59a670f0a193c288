// The indicator overview of a period (design §3, GET /v1/indicators): per
// e-loket and over all of them, and the assessments' figures.
import { combine, figureFor, figureJson, type CountsFigureJson, type CountsSummary, type PeriodFigure } from './service-counts.js';
import { parsePeriod } from './periods.js';
import type { AsOfResult } from './as-of.js';
import { assessedOf, assessmentFigures, assessmentsAsOf, type AssessmentFigures } from './report/assessment-figures.js';

export interface EloketPeriods {
  eloket: string;
  /** every period this e-loket reported, with its current version */
  reported: ReadonlyMap<string, { version: number; summary: CountsSummary; submittedAt: string }>;
}

export type EloketFigureJson =
  | { status: 'no_data' }
  | (CountsFigureJson & { status: 'reported'; version: number })
  | (CountsFigureJson & { status: 'derived'; derivedFrom: 'quarters' | 'months'; subPeriodsReported: number; subPeriods: number });

export interface IndicatorOverview {
  period: string;
  asOf: string | null;
  eloketten: Record<string, EloketFigureJson>;
  all: ({ status: 'aggregated'; eloketten: number } & CountsFigureJson) | { status: 'no_data' };
  assessments: AssessmentFigures;
}

/** An e-loket's figure of a period as the overview (and the series) give it. */
export function eloketFigureJson(f: PeriodFigure): EloketFigureJson {
  if (f.status === 'no_data') return { status: 'no_data' };
  if (f.status === 'reported') return { status: 'reported', version: f.version, ...figureJson(f.summary) };
  return { status: 'derived', derivedFrom: f.from, subPeriodsReported: f.reported, subPeriods: f.of, ...figureJson(f.summary) };
}

/** The submissions a figure rests on: the period itself and every period inside it. */
function inside(period: string, candidate: string): boolean {
  return candidate === period || candidate.startsWith(`${period}-`) || (period.includes('-Q') && isMonthOfQuarter(candidate, period));
}
function isMonthOfQuarter(month: string, quarter: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const q = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return !!m && !!q && m[1] === q[1] && Math.ceil(Number(m[2]) / 3) === Number(q[2]);
}

/** The e-loket part of the overview: each e-loket's figure for the period, and all of them together. */
export function buildEloketFigures(period: string, eloketten: ReadonlyArray<{ id: string; reported: EloketPeriods['reported'] }>) {
  const figures = eloketten.map((e) => ({ eloket: e.id, figure: figureFor(period, e.reported) }));
  const withData = figures.flatMap(({ figure }) => (figure.status === 'no_data' ? [] : [figure.summary]));
  const combined = combine(withData);
  let asOf: string | null = null;
  for (const e of eloketten) {
    for (const [p, r] of e.reported) if (inside(period, p) && (asOf === null || r.submittedAt > asOf)) asOf = r.submittedAt;
  }
  return {
    asOf,
    eloketten: Object.fromEntries(figures.map(({ eloket, figure }) => [eloket, eloketFigureJson(figure)])) as Record<
      string,
      EloketFigureJson
    >,
    all: (combined
      ? { status: 'aggregated', eloketten: withData.length, ...figureJson(combined) }
      : { status: 'no_data' }) as IndicatorOverview['all'],
  };
}

/** The overview of a period, from the as-of selection made for its end (the same one its reports use). */
export function buildIndicatorOverview(period: string, eloketten: readonly EloketPeriods[], selection: AsOfResult): IndicatorOverview {
  const p = parsePeriod(period);
  if (!p) throw new Error(`invalid period ${period}`);
  if (selection.asOf !== p.end) throw new Error(`the selection is as of ${selection.asOf}, not the end of ${p.id}`);
  const rows = assessedOf(selection.services);
  const counts = buildEloketFigures(
    period,
    eloketten.map((e) => ({ id: e.eloket, reported: e.reported })),
  );
  const assessmentsAt = assessmentsAsOf(rows);
  const asOf = counts.asOf !== null && (assessmentsAt === null || counts.asOf > assessmentsAt) ? counts.asOf : assessmentsAt;
  return { period, asOf, eloketten: counts.eloketten, all: counts.all, assessments: assessmentFigures(rows, selection.services) };
}
