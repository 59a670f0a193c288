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

/** A service's values entry for a pair of rows: frozen, so quarters and services can share what is alike. */
function entryOf(pre: AssessmentRow | null, post: AssessmentRow | null, latest: AssessmentRow): ServiceValues {
  const values = valuesOf(pre, post);
  return Object.freeze({
    organisationId: latest.organisationId,
    serviceId: latest.serviceId,
    // The row's own list (read-only here).
    targetGroups: latest.service.targetGroups,
    // Most services have no measures (the bench's none): one empty object for all of them.
    values: Object.keys(values).length === 0 ? NO_VALUES : Object.freeze(values),
  });
}

const NO_VALUES: Readonly<Record<string, ServiceValue>> = Object.freeze({});

/** The newer of two rows, either of which may be missing. */
const newer = (a: AssessmentRow | null, b: AssessmentRow | null): AssessmentRow | null => (a === null ? b : isNewer(b ?? a, a) ? b : a);

/**
 * The eight quarters' selections (ValuesAsOf's rule, each as of its own end)
 * from one pass over the rows, holding per service one entry for all of
 * them: the rows that some quarter's values rest on, that is per phase the
 * newest row of each stretch between two quarters' ends (usually a pre and a
 * post), one row held alone. A service's quarters in which neither of its
 * rows changed share one entry of values.
 */
export class QuarterHistory {
  /** the quarters by their end, earliest first (the order rows' stretches are counted in) */
  private readonly byEnd: Array<{ quarter: string; asOf: string; index: number }>;
  private readonly services = new Map<string, AssessmentRow | AssessmentRow[]>();

  constructor(private readonly days: ReadonlyArray<{ quarter: string; asOf: string }>) {
    this.byEnd = days.map((d, index) => ({ ...d, index })).sort((a, b) => a.asOf.localeCompare(b.asOf));
  }

  /** The first quarter (by end) whose end the day is on or before; -1 when none. */
  private stretch(assessedOn: string): number {
    return this.byEnd.findIndex((q) => assessedOn <= q.asOf);
  }

  /** `key`: serviceKeyOf(row), when the caller made it already. */
  addAssessment(row: AssessmentRow, key: string = serviceKeyOf(row)): void {
    const stretch = this.stretch(row.assessedOn);
    if (stretch < 0) return;
    const kept = this.services.get(key);
    if (kept === undefined) {
      this.services.set(key, row);
      return;
    }
    // Of two rows of one phase in one stretch, every quarter that sees one sees both: only the newer counts.
    const rival = (r: AssessmentRow) => r.phase === row.phase && this.stretch(r.assessedOn) === stretch;
    if (!Array.isArray(kept)) {
      // A pair as a literal of two: a push onto a list of one would give it room for 17 (some 120 bytes more a service).
      if (!rival(kept)) this.services.set(key, [kept, row]);
      else if (isNewer(row, kept)) this.services.set(key, row);
      return;
    }
    const at = kept.findIndex(rival);
    if (at < 0) this.services.set(key, kept.concat(row));
    else if (isNewer(row, kept[at]!)) kept[at] = row;
  }

  result(): QuarterValues[] {
    const quarters = this.days.map((d) => ({
      quarter: d.quarter,
      asOf: d.asOf,
      services: [] as ServiceValues[],
      newestSubmission: null as string | null,
    }));
    const services = [...this.services.values()].map((kept) => (Array.isArray(kept) ? kept : [kept]));
    // Sorted once, by (organisation, service): each quarter's list is then in that order as it is made.
    services.sort((a, b) => a[0]!.organisationId.localeCompare(b[0]!.organisationId) || a[0]!.serviceId.localeCompare(b[0]!.serviceId));
    for (const rows of services) {
      let pre: AssessmentRow | null = null;
      let post: AssessmentRow | null = null;
      let entry: ServiceValues | null = null;
      for (const q of this.byEnd) {
        let p: AssessmentRow | null = pre;
        let o: AssessmentRow | null = post;
        for (const r of rows)
          if (r.assessedOn <= q.asOf) {
            if (r.phase === 'pre') p = newer(p, r);
            else o = newer(o, r);
          }
        if (p === null && o === null) continue;
        if (entry === null || p !== pre || o !== post) entry = entryOf(p, o, newer(p, o)!);
        pre = p;
        post = o;
        const out = quarters[q.index]!;
        out.services.push(entry);
        const submitted = p && o ? (p.submittedAt > o.submittedAt ? p.submittedAt : o.submittedAt) : (p ?? o)!.submittedAt;
        if (out.newestSubmission === null || submitted > out.newestSubmission) out.newestSubmission = submitted;
      }
    }
    return quarters;
  }
}
