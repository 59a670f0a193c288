// A service's value of each indicator, as of a day (design §2.1): from its
// latest `post`, else from its latest `pre` — a forecast, and marked so. A
// service without a value for an indicator is `no_data` for it: it has no
// entry here and counts in no median.
import { isNewer, serviceKeyOf, type AssessmentRow } from '../assessment-row.js';
import { parsePeriod, periodContaining, shiftPeriod, type Period } from '../periods.js';
import type { MeasureValue } from './indicator.js';

export interface ServiceValue {
  value: MeasureValue;
  /** taken from a `pre`: how the service expects to do, not how it does */
  forecast: boolean;
  assessedOn: string;
}

/** What the values are read from: an assessment's date and measures. */
export interface Measured {
  assessedOn: string;
  measures?: Readonly<Record<string, MeasureValue>>;
}

/** Per indicator id: the latest post's value, else the latest pre's. */
export function valuesOf(pre: Measured | null, post: Measured | null): Record<string, ServiceValue> {
  const out: Record<string, ServiceValue> = {};
  for (const [a, forecast] of [
    [post, false],
    [pre, true],
  ] as const) {
    for (const [id, value] of Object.entries(a?.measures ?? {}))
      if (!Object.hasOwn(out, id)) out[id] = { value, forecast, assessedOn: a!.assessedOn };
  }
  return out;
}

/** A service with its values as of a day, and what decides its peers: its latest assessment's target groups. */
export interface ServiceValues {
  organisationId: string;
  serviceId: string;
  targetGroups: readonly string[];
  values: Readonly<Record<string, ServiceValue>>;
}

interface Latest {
  pre: AssessmentRow | null;
  post: AssessmentRow | null;
  latest: AssessmentRow;
}

/**
 * The as-of rule of the reports (shared/domain/as-of.ts) reduced to what the
 * values need: per service the latest `pre` and `post` dated on or before the
 * day, and its latest assessment. Rows stream in; a few per service are kept.
 */
export class ValuesAsOf {
  private readonly services = new Map<string, Latest>();

  constructor(readonly asOf: string) {}

  /** `key`: serviceKeyOf(row), when the caller made it already. */
  addAssessment(row: AssessmentRow, key?: string): void {
    if (row.assessedOn > this.asOf) return;
    key ??= serviceKeyOf(row);
    const s = this.services.get(key);
    if (!s) {
      this.services.set(key, { pre: row.phase === 'pre' ? row : null, post: row.phase === 'post' ? row : null, latest: row });
      return;
    }
    if (isNewer(row, s[row.phase])) s[row.phase] = row;
    if (isNewer(row, s.latest)) s.latest = row;
  }

  /** The newest submission among the assessments the values rest on; null when there is none. */
  newestSubmission(): string | null {
    let max: string | null = null;
    for (const { pre, post } of this.services.values())
      for (const a of [pre, post]) if (a && (max === null || a.submittedAt > max)) max = a.submittedAt;
    return max;
  }

  /** The services assessed by the day, by (organisation, service). `memo`: shared by the selections of one series. */
  result(memo: ValuesMemo = new ValuesMemo()): ServiceValues[] {
    return [...this.services.values()]
      .map(({ pre, post, latest }) => memo.service(pre, post, latest))
      .sort((a, b) => a.organisationId.localeCompare(b.organisationId) || a.serviceId.localeCompare(b.serviceId));
  }
}

/** A quarter's values: each service's, as of the quarter's end (or an earlier day, for a quarter not yet over). */
export interface QuarterValues {
  quarter: string;
  asOf: string;
  services: ServiceValues[];
  /** the newest submission these values rest on */
  newestSubmission: string | null;
}

/**
 * The eight quarters of a period's trend: the one holding the period's end and
 * the seven before it, each as of its own end — the last as of the period's
 * end, so nothing dated after the period counts.
 */
export function trendQuarters(period: Pick<Period, 'end'>): Array<{ quarter: string; asOf: string }> {
  const last = periodContaining(period.end, 'quarter');
  return [-7, -6, -5, -4, -3, -2, -1, 0].map((n) => {
    const quarter = shiftPeriod(last, n);
    const end = parsePeriod(quarter)!.end;
    return { quarter, asOf: end < period.end ? end : period.end };
  });
}

const NONE = {};

/**
 * valuesOf, once per pair of rows: the quarters in which a service's
 * assessments did not change share one entry (its values and target groups)
 * instead of a copy each.
 */
export class ValuesMemo {
  private readonly byPost = new WeakMap<object, WeakMap<object, ServiceValues>>();

  /** `latest`: the newer of the two, which decides the service's target groups: the same for the same pair. */
  service(pre: AssessmentRow | null, post: AssessmentRow | null, latest: AssessmentRow): ServiceValues {
    let byPre = this.byPost.get(post ?? NONE);
    if (!byPre) this.byPost.set(post ?? NONE, (byPre = new WeakMap()));
    let entry = byPre.get(pre ?? NONE);
    if (!entry)
      byPre.set(
        pre ?? NONE,
        (entry = Object.freeze({
          organisationId: latest.organisationId,
          serviceId: latest.serviceId,
          // The row's own list (read-only here).
          targetGroups: latest.service.targetGroups,
          values: Object.freeze(valuesOf(pre, post)),
        })),
      );
    return entry;
  }
}

/** One selection per quarter, fed from one pass over the rows. */
export class QuarterHistory {
  private readonly selections: Array<{ quarter: string; selection: ValuesAsOf }>;

  constructor(days: ReadonlyArray<{ quarter: string; asOf: string }>) {
    this.selections = days.map((d) => ({ quarter: d.quarter, selection: new ValuesAsOf(d.asOf) }));
  }

  /** `key`: serviceKeyOf(row), when the caller made it already; else made once for the eight quarters. */
  addAssessment(row: AssessmentRow, key: string = serviceKeyOf(row)): void {
    for (const s of this.selections) s.selection.addAssessment(row, key);
  }

  result(): QuarterValues[] {
    const memo = new ValuesMemo();
    return this.selections.map(({ quarter, selection }) => ({
      quarter,
      asOf: selection.asOf,
      services: selection.result(memo),
      newestSubmission: selection.newestSubmission(),
    }));
  }
}
