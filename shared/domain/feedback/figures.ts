// The feedback figures of a service for a period (design §2.1): satisfaction
// is Σ(ratings 4 and 5) ÷ Σ(ratings) over both sources, the mean rating is
// shown beside it, and the found-it share is Σyes ÷ Σ(found-it answers given).
// Fewer than 10 responses is "te weinig reacties", never a figure; no
// response at all is no_data (never a 0).
import { parsePeriod, type Period } from '../periods.js';
import { addTallies, emptyTally, FOUND_IT, ratingCounts, type FoundIt, type RatingCounts, type Tally } from './tally.js';

export const MIN_RESPONSES = 10;
export const TOO_FEW_LABEL = 'te weinig reacties';

export type FeedbackFigure =
  | { status: 'no_data' }
  | { status: 'too_few'; responses: number; label: typeof TOO_FEW_LABEL }
  | {
      status: 'enough';
      responses: number;
      /** share of ratings 4 and 5 */
      satisfaction: number;
      meanRating: number;
      /** share of "yes" among the found-it answers given; null when nobody answered it */
      foundItShare: number | null;
      ratings: RatingCounts;
      foundIt: Record<FoundIt, number> & { answers: number };
    };

export function feedbackFigure(t: Tally): FeedbackFigure {
  const rated = t.ratings.reduce((a, b) => a + b, 0);
  if (rated === 0) return { status: 'no_data' };
  if (rated < MIN_RESPONSES) return { status: 'too_few', responses: rated, label: TOO_FEW_LABEL };
  const answers = FOUND_IT.reduce((a, f) => a + t.foundIt[f], 0);
  return {
    status: 'enough',
    responses: rated,
    satisfaction: (t.ratings[3] + t.ratings[4]) / rated,
    meanRating: t.ratings.reduce((sum, n, i) => sum + n * (i + 1), 0) / rated,
    foundItShare: answers === 0 ? null : t.foundIt.yes / answers,
    ratings: ratingCounts(t),
    foundIt: { ...t.foundIt, answers },
  };
}

/** The provider's aggregate for a period: reported for the period itself, derived from shorter periods inside it, or none. */
export type AggregateFigure =
  | { status: 'reported'; period: string; version: number; tally: Tally }
  | { status: 'derived'; period: string; from: 'quarters' | 'months'; reported: number; of: number; tally: Tally }
  | { status: 'no_data'; period: string };

/** The periods directly inside a period: a year's quarters, a quarter's months. */
export function subPeriods(p: Period): string[] {
  if (p.kind === 'year') return [1, 2, 3, 4].map((q) => `${p.year}-Q${q}`);
  if (p.kind === 'quarter') {
    const first = Number(p.start.slice(5, 7));
    return [0, 1, 2].map((i) => `${p.year}-${String(first + i).padStart(2, '0')}`);
  }
  return [];
}

/**
 * Roll-up as for counts: a period the provider reported stands; otherwise
 * its sub-periods are summed (feedback is a flow), recursively, and the
 * figure says on how many of them it rests.
 */
export function aggregateFor(periodId: string, reported: ReadonlyMap<string, { version: number; tally: Tally }>): AggregateFigure {
  const direct = reported.get(periodId);
  if (direct) return { status: 'reported', period: periodId, version: direct.version, tally: direct.tally };
  const p = parsePeriod(periodId);
  if (!p) return { status: 'no_data', period: periodId };
  const kids = subPeriods(p)
    .map((c) => aggregateFor(c, reported))
    .filter((f): f is Exclude<AggregateFigure, { status: 'no_data' }> => f.status !== 'no_data');
  if (kids.length === 0) return { status: 'no_data', period: periodId };
  return {
    status: 'derived',
    period: periodId,
    from: p.kind === 'year' ? 'quarters' : 'months',
    reported: kids.length,
    of: subPeriods(p).length,
    tally: addTallies(kids.map((k) => k.tally)),
  };
}

/** Both sources of a period together: the form responses given in it and the provider's aggregate for it. */
export function combinedTally(form: Tally | null, aggregate: AggregateFigure): Tally {
  return addTallies([form ?? emptyTally(), aggregate.status === 'no_data' ? emptyTally() : aggregate.tally]);
}
