// A model's list of rows made from what the model holds anyway, each time the
// list is walked (its page, its CSV file, its report.json), instead of held:
// at 50,000 services with diverse answers the committee's explanations and
// agenda are some 290,000 rows, held beside the selection they are made from
// (docs/performance.md). Written out, the list is the array it stands for.

/** The rows `rows` gives, `length` of them, made again at each walk. */
export class LazyList<T> implements Iterable<T> {
  readonly #rows: () => Iterable<T>;
  readonly length: number;
  constructor(rows: () => Iterable<T>, length: number) {
    this.#rows = rows;
    this.length = length;
  }
  [Symbol.iterator](): Iterator<T> {
    return this.#rows()[Symbol.iterator]();
  }
  /** JSON.stringify writes the array the list stands for (jsonChunks walks it row by row instead). */
  toJSON(): T[] {
    return [...this];
  }
  static is(value: unknown): value is LazyList<unknown> {
    return value instanceof LazyList;
  }
}

/** Each source's rows, one source after the other; `length` is what the sources' rows add up to. */
export function lazyFlatMap<S, T>(sources: readonly S[], rows: (source: S) => Iterable<T>, length: number): LazyList<T> {
  return new LazyList(function* () {
    for (const source of sources) yield* rows(source);
  }, length);
}

/** One row per source, made when walked. */
export function lazyMap<S, T>(sources: readonly S[], row: (source: S) => T): LazyList<T> {
  return new LazyList(function* () {
    for (const source of sources) yield row(source);
  }, sources.length);
}
