// A tally of feedback: how many answered, the ratings 1–5 as counts, and
// "did you find what you came for" as counts. Every figure is computed from
// sums of tallies, so the two sources (form responses and providers'
// aggregates) and any number of periods add up without averaging averages.
export const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];
export const FOUND_IT = ['yes', 'partly', 'no'] as const;
export type FoundIt = (typeof FOUND_IT)[number];

export interface Tally {
  /** every response carries a rating, so this is also Σ ratings */
  responses: number;
  /** ratings[0] is the count of 1s … ratings[4] of 5s */
  ratings: [number, number, number, number, number];
  /** found-it answers given (a response may leave the question open) */
  foundIt: Record<FoundIt, number>;
}

export const emptyTally = (): Tally => ({ responses: 0, ratings: [0, 0, 0, 0, 0], foundIt: { yes: 0, partly: 0, no: 0 } });

export function addTallies(tallies: Iterable<Tally>): Tally {
  const sum = emptyTally();
  for (const t of tallies) {
    sum.responses += t.responses;
    for (let i = 0; i < 5; i++) sum.ratings[i]! += t.ratings[i]!;
    for (const f of FOUND_IT) sum.foundIt[f] += t.foundIt[f];
  }
  return sum;
}

/** The tally of single responses (the form): one rating each, a found-it answer when given. */
export function tallyResponses(responses: Iterable<{ rating: number; foundIt?: FoundIt | undefined }>): Tally {
  const t = emptyTally();
  for (const r of responses) {
    t.responses += 1;
    t.ratings[r.rating - 1]! += 1;
    if (r.foundIt) t.foundIt[r.foundIt] += 1;
  }
  return t;
}

/** The same tally as the API and events write it: ratings keyed "1"…"5". */
export type RatingCounts = Record<'1' | '2' | '3' | '4' | '5', number>;

export const ratingCounts = (t: Tally): RatingCounts => ({
  '1': t.ratings[0],
  '2': t.ratings[1],
  '3': t.ratings[2],
  '4': t.ratings[3],
  '5': t.ratings[4],
});

export function tallyOfCounts(c: { responses: number; ratings: RatingCounts; foundIt?: Record<FoundIt, number> | undefined }): Tally {
  return {
    responses: c.responses,
    ratings: [c.ratings['1'], c.ratings['2'], c.ratings['3'], c.ratings['4'], c.ratings['5']],
    foundIt: { yes: c.foundIt?.yes ?? 0, partly: c.foundIt?.partly ?? 0, no: c.foundIt?.no ?? 0 },
  };
}
