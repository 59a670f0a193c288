// Rows as a period's selection keeps them, for every service at once: the
// values that many rows hold alike (a band triple, a score table, a date, an
// organisation, a target group, a criterion, an answer pattern) are kept once
// and shared, instead of once per row as the store's pages deliver them, and
// a service's rows share what they say of the service alike (its descriptor,
// its identifier, its key). Only values with few distinct ones are shared
// across services, and the tables of values that may or may not repeat are
// bounded, so the lookup tables stay small whatever the data. A row stays
// equal to the one read; shared parts are frozen, so nothing can change one
// row through another.
import { serviceKeyOf, type AssessmentRow } from './assessment-row.js';
import { sharedTripleId } from './scoring.js';

type Triple = Readonly<Record<string, unknown>>;
type Descriptor = AssessmentRow['service'];

const EMPTY: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Distinct values kept by default in each table of values that repeat only
 * if the data makes them (answer patterns, score tables, submission times):
 * beyond it a value is kept as read.
 */
export const PATTERNS_KEPT = 4096;

/** One copy of each value, up to `limit` distinct ones. */
class Bounded<T> {
  private readonly known = new Map<string, T>();
  constructor(private readonly limit: number) {}

  get(key: string, make: () => T): T {
    const hit = this.known.get(key);
    if (hit !== undefined) return hit;
    const made = make();
    if (this.known.size < this.limit) this.known.set(key, made);
    return made;
  }
}

/** Same keys in the same order, each the same value: what makes a descriptor shareable. */
function sameDescriptor(a: Descriptor, b: Descriptor): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i]! as keyof Descriptor;
    if (k !== kb[i] || a[k] !== b[k]) return false;
  }
  return true;
}

export class RowCompactor {
  private readonly strings = new Map<string, string>();
  private readonly shared = new Map<string, unknown>();
  private readonly answerPatterns: Bounded<string>;
  private readonly submissionTimes: Bounded<string>;
  private readonly tables: Bounded<Readonly<Record<string, Triple>>>;
  /** Per service, the first row compacted: what a service's later rows share with it. Let go with the compactor, after the read. */
  private readonly services = new Map<string, AssessmentRow>();

  /** `patterns`: distinct values kept in each bounded table (PATTERNS_KEPT unless said). */
  constructor(opts: { patterns?: number } = {}) {
    const limit = opts.patterns ?? PATTERNS_KEPT;
    this.answerPatterns = new Bounded(limit);
    this.submissionTimes = new Bounded(limit);
    this.tables = new Bounded(limit);
  }

  /** The one copy of a text that rows share. */
  private text<T extends string | undefined>(value: T): T {
    if (value === undefined) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    this.strings.set(value, value);
    return value;
  }

  /** The one frozen copy of a value, by a key that says all of it. */
  private once<T>(key: string, make: () => T): T {
    const known = this.shared.get(key);
    if (known !== undefined) return known as T;
    const made = Object.freeze(make());
    this.shared.set(key, made);
    return made;
  }

  private list(kind: string, values: readonly string[]): string[] {
    return this.once(`${kind}\u0000${values.join('\u0000')}`, () => values.map((v) => this.text(v)));
  }

  /**
   * Scores or bands: per principle a triple (G, I, all), of which there are
   * few distinct ones, and the whole table once per distinct table.
   */
  private table<T extends AssessmentRow['scores'] | AssessmentRow['bands']>(kind: string, table: T): T {
    // The scoring's triples are shared already (scoring.ts): the table is keyed by their numbers, no value read.
    // '#': a key of its own, never one of the keys by value below.
    let byIds = `#${kind}`;
    for (const principle in table) {
      const id = sharedTripleId((table as unknown as Record<string, Triple>)[principle]!);
      if (id === undefined) {
        byIds = '';
        break;
      }
      byIds += `\u0001${principle}:${id}`;
    }
    if (byIds !== '') {
      const whole = this.tables.get(byIds, () => Object.freeze({ ...(table as unknown as Record<string, Triple>) }));
      return whole as unknown as T;
    }
    const triples: Array<[string, Triple]> = [];
    let whole = kind;
    for (const [principle, triple] of Object.entries(table) as Array<[string, Triple]>) {
      let key = kind;
      for (const [k, v] of Object.entries(triple)) key += `\u0000${k}=${String(v)}`;
      triples.push([
        principle,
        this.once(key, () => {
          const copy: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(triple)) copy[k] = typeof v === 'string' ? this.text(v) : v;
          return copy;
        }),
      ]);
      whole += `\u0001${principle}${key}`;
    }
    return this.tables.get(whole, () => {
      const out: Record<string, Triple> = {};
      for (const [principle, triple] of triples) out[this.text(principle)] = triple;
      return Object.freeze(out);
    }) as unknown as T;
  }

  private record<V>(values: Readonly<Record<string, V>>): Record<string, V> {
    const out: Record<string, V> = {};
    for (const [k, v] of Object.entries(values)) out[this.text(k)] = (typeof v === 'string' ? this.text(v) : v) as V;
    return out;
  }

  private descriptor(s: Descriptor): Descriptor {
    // Object.assign, not a spread: V8 gives a frozen spread's copy a hidden class of its own (some 220 bytes an object, measured).
    // The descriptor's keys stay in the order read (test/unit/compact-rows.test.ts).
    const d: Descriptor = Object.assign({}, s, {
      targetGroups: this.list('groups', s.targetGroups),
      eloketten: this.list('eloketten', s.eloketten),
    });
    if (s.goLiveOn !== undefined) d.goLiveOn = this.text(s.goLiveOn);
    return Object.freeze(d);
  }

  /** `key`: serviceKeyOf(row), when the caller made it already. */
  compact(row: AssessmentRow, key: string = serviceKeyOf(row)): AssessmentRow {
    const first = this.services.get(key);
    let service = this.descriptor(row.service);
    // A service's pre and post usually describe it alike: one descriptor for both.
    if (first && sameDescriptor(first.service, service)) service = first.service;
    // Every field named, in one literal: V8 then keeps them all in the object. A spread of the row as read
    // (its fields added one by one) keeps most of them in a second array, some 110 bytes a row (measured).
    // The two fields a row of the operational catalog adds go to such an array (24 bytes a row): keeping
    // them in the object too would take a second literal of every field.
    const out: AssessmentRow = {
      assessmentId: row.assessmentId,
      organisationId: this.text(row.organisationId),
      serviceId: first?.serviceId ?? row.serviceId,
      phase: this.text(row.phase),
      assessedOn: this.text(row.assessedOn),
      submittedAt: this.submissionTimes.get(row.submittedAt, () => row.submittedAt),
      catalogVersion: this.text(row.catalogVersion),
      // Also for rows read from the store with their pattern's frozen copy (rowScores): beyond the 4,096
      // patterns it keeps, each row has a copy of its own, and only these tables share their triples.
      scores: this.table('score', row.scores),
      bands: this.table('band', row.bands),
      answerCodes: this.answerPatterns.get(row.answerCodes, () => row.answerCodes),
      unmet: this.list('unmet', row.unmet),
      plannedBy: Object.keys(row.plannedBy).length === 0 ? (EMPTY as Record<string, string>) : this.record(row.plannedBy),
      explained: row.explained,
      service,
    };
    if (row.indicatorCatalogVersion !== undefined) out.indicatorCatalogVersion = this.text(row.indicatorCatalogVersion);
    if (row.measures !== undefined) out.measures = this.record(row.measures);
    if (!first) this.services.set(key, out);
    return out;
  }
}
