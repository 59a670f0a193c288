// What a new counts report is, next to what is stored for its e-loket and
// period (design §3): the same content as the current version is no new
// version, and a quarter or year reported whole stands over the months or
// quarters already reported inside it, which the answer says.
import { canonicalJson } from './canonical-json.js';
import { parsePeriod } from './periods.js';
import { subPeriodsOf, type CountRow } from './service-counts.js';

/** A report's rows as one text: row order does not matter (a row is named by organisation and target group). */
function contentOf(rows: readonly CountRow[]): string {
  const byKey = (r: CountRow) => `${r.organisationId}\u0000${r.targetGroup}`;
  return canonicalJson([...rows].sort((a, b) => (byKey(a) < byKey(b) ? -1 : byKey(a) > byKey(b) ? 1 : 0)));
}

/** Whether two reports say the same thing: the same rows with the same figures, in any order. */
export function sameCounts(a: readonly CountRow[], b: readonly CountRow[]): boolean {
  return a.length === b.length && contentOf(a) === contentOf(b);
}

export interface CountsOverrides {
  derivedFrom: 'quarters' | 'months';
  /** how many of the period's quarters (of a year) or months (of a quarter) have data of their own */
  subPeriodsReported: number;
}

/** Every period whose report could be overridden by a report for `periodId`: its quarters and months. */
export function periodsUnder(periodId: string): string[] {
  const p = parsePeriod(periodId);
  if (!p) return [];
  return subPeriodsOf(p).flatMap((child) => [child, ...periodsUnder(child)]);
}

/**
 * What a report for `periodId` stands over, counted as the indicators would
 * derive the period without it: a quarter has data when it or one of its
 * months was reported. Null for a month, or when nothing inside was reported.
 */
export function countsOverrides(periodId: string, reported: (period: string) => boolean): CountsOverrides | null {
  const p = parsePeriod(periodId);
  if (!p || p.kind === 'month') return null;
  const hasData = (id: string): boolean => reported(id) || periodsUnder(id).some(reported);
  const subPeriodsReported = subPeriodsOf(p).filter(hasData).length;
  return subPeriodsReported === 0 ? null : { derivedFrom: p.kind === 'year' ? 'quarters' : 'months', subPeriodsReported };
}
