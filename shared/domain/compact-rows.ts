// Rows as a period's selection keeps them, for every service at once: the
// values that many rows hold alike (a band triple, a score triple, a date, an
// organisation, a target group, a criterion) are kept once and shared,
// instead of once per row as the store's pages deliver them. Only values with
// few distinct ones are shared, so the lookup tables stay small whatever the
// number of services. A row stays equal to the one read; shared parts are
// frozen, so nothing can change one row through another.
import type { AssessmentRow } from './assessment-row.js';

type Triple = Readonly<Record<string, unknown>>;

const EMPTY: Readonly<Record<string, string>> = Object.freeze({});

export class RowCompactor {
  private readonly strings = new Map<string, string>();
  private readonly shared = new Map<string, unknown>();

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

  /** Scores or bands: per principle a triple (G, I, all), of which there are few distinct ones. */
  private table<T extends AssessmentRow['scores'] | AssessmentRow['bands']>(kind: string, table: T): T {
    const out: Record<string, Triple> = {};
    for (const [principle, triple] of Object.entries(table) as Array<[string, Triple]>) {
      let key = kind;
      for (const [k, v] of Object.entries(triple)) key += `\u0000${k}=${String(v)}`;
      out[principle] = this.once(key, () => {
        const copy: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(triple)) copy[k] = typeof v === 'string' ? this.text(v) : v;
        return copy;
      });
    }
    return out as unknown as T;
  }

  private record<V>(values: Readonly<Record<string, V>>): Record<string, V> {
    const out: Record<string, V> = {};
    for (const [k, v] of Object.entries(values)) out[this.text(k)] = (typeof v === 'string' ? this.text(v) : v) as V;
    return out;
  }

  compact(row: AssessmentRow): AssessmentRow {
    const s = row.service;
    return {
      ...row,
      organisationId: this.text(row.organisationId),
      phase: this.text(row.phase),
      assessedOn: this.text(row.assessedOn),
      catalogVersion: this.text(row.catalogVersion),
      scores: this.table('score', row.scores),
      bands: this.table('band', row.bands),
      unmet: this.list('unmet', row.unmet),
      plannedBy: Object.keys(row.plannedBy).length === 0 ? (EMPTY as Record<string, string>) : this.record(row.plannedBy),
      service: {
        ...s,
        targetGroups: this.list('groups', s.targetGroups),
        eloketten: this.list('eloketten', s.eloketten),
        ...(s.goLiveOn !== undefined ? { goLiveOn: this.text(s.goLiveOn) } : {}),
      },
      ...(row.indicatorCatalogVersion !== undefined ? { indicatorCatalogVersion: this.text(row.indicatorCatalogVersion) } : {}),
      ...(row.measures !== undefined ? { measures: this.record(row.measures) } : {}),
    };
  }
}
