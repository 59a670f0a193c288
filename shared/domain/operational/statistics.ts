// How values of one indicator are summed up (design §2.1): the median (of an
// even count, the mean of the two middle values; on a level scale, the lower
// of the two), the quartiles as spreadsheets' QUARTILE.INC, and for yes/no the
// share of yes. Values that are missing are not values: they are left out.
import type { Indicator, MeasureValue } from './indicator.js';

/**
 * QUARTILE.INC (and PERCENTILE.INC) over n sorted values read through `at`:
 * the value at position (n − 1)·p, interpolated between its neighbours.
 */
export function quantileInc(at: (i: number) => number, n: number, p: number): number | null {
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const below = at(lo);
  return lo + 1 < n ? below + (h - lo) * (at(lo + 1) - below) : below;
}

/**
 * The same on an ordered scale, where nothing lies between two levels: the
 * lower of the two values around the position (for the median of an even
 * count, the lower middle one).
 */
export function levelQuantile(at: (i: number) => number, n: number, p: number): number | null {
  return n === 0 ? null : at(Math.floor((n - 1) * p));
}

export const median = (sorted: readonly number[]): number | null => quantileInc((i) => sorted[i]!, sorted.length, 0.5);

/** A value of an indicator as a number that sorts: a count itself, a level its place on the scale, yes 1 and no 0. */
export function rankOf(i: Indicator, v: MeasureValue): number {
  if (i.kind === 'count') return Number(v);
  if (i.kind === 'yesno') return v === true ? 1 : 0;
  return i.scale.indexOf(String(v));
}

/** A rank back as a value: levels from the scale (a count keeps its number, interpolated or not). */
export function valueOfRank(i: Indicator, r: number): MeasureValue {
  if (i.kind === 'level') return i.scale[r]!;
  if (i.kind === 'yesno') return r >= 0.5;
  return r;
}

/** What a set of values of one indicator says. */
export interface Summary {
  /** how many values */
  n: number;
  median: MeasureValue | null;
  /** first and third quartile (count and level) */
  q1: MeasureValue | null;
  q3: MeasureValue | null;
  /** the share of yes (yes/no) */
  shareYes: number | null;
}

/** The first k in [0, n) with at(k) ≥ x, for sorted values. */
export function lowerBound(at: (k: number) => number, n: number, x: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(mid) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The summary of n sorted ranks read through `at`; for yes/no the median and quartiles stay null. */
export function summarizeRanks(i: Indicator, at: (k: number) => number, n: number): Summary {
  if (i.kind === 'yesno') {
    // Sorted: the no's (0) first, then the yes's (1).
    const yes = n - lowerBound(at, n, 1);
    return { n, median: null, q1: null, q3: null, shareYes: n === 0 ? null : yes / n };
  }
  const q = i.kind === 'level' ? levelQuantile : quantileInc;
  const value = (p: number) => {
    const r = q(at, n, p);
    return r === null ? null : valueOfRank(i, r);
  };
  return { n, median: value(0.5), q1: value(0.25), q3: value(0.75), shareYes: null };
}

/** The summary of values (in any order). */
export function summarize(i: Indicator, values: readonly MeasureValue[]): Summary {
  const ranks = values.map((v) => rankOf(i, v)).sort((a, b) => a - b);
  return summarizeRanks(i, (k) => ranks[k]!, ranks.length);
}
