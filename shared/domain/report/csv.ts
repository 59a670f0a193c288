// CSV per RFC 4180 through csv-stringify; escape_formulas keeps a cell that
// starts with = + - @ tab or CR from running as a formula in a spreadsheet.
// Numbers are plain (no thousands separators); a figure without data is an
// empty cell beside a status that says so.
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | null;

const OPTIONS = {
  escape_formulas: true,
  record_delimiter: '\r\n',
  // A lone CR or LF inside a cell is quoted too: csv-stringify only quotes the record delimiter itself.
  quoted_match: /[\r\n]/,
} as const;

const records = (rows: ReadonlyArray<readonly Cell[]>) => rows.map((r) => r.map((c) => (c === null ? '' : c)));

export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return stringify([header, ...records(rows)], OPTIONS);
}

/** Rows a piece of csvChunks holds. */
const ROWS_A_CHUNK = 500;

/**
 * The same text as toCsv, in pieces of some hundred rows, to be written as
 * they come (the rows are taken from `rows` as they are needed): every record ends with its own delimiter, so the pieces join
 * into exactly the whole.
 */
export function* csvChunks(header: readonly string[], rows: Iterable<readonly Cell[]>): Generator<string> {
  yield stringify([header], OPTIONS);
  let batch: Array<readonly Cell[]> = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === ROWS_A_CHUNK) {
      yield stringify(records(batch), OPTIONS);
      batch = [];
    }
  }
  if (batch.length > 0) yield stringify(records(batch), OPTIONS);
}

/**
 * A CSV file's rows, each made from its item only when the file is written:
 * a file of every service never holds all its rows at once (csvChunks).
 */
export function eachRow<T>(items: Iterable<T>, row: (item: T) => Cell[]): Iterable<Cell[]> {
  return {
    *[Symbol.iterator]() {
      for (const item of items) yield row(item);
    },
  };
}
