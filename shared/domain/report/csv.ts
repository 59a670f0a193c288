// CSV per RFC 4180 through csv-stringify; escape_formulas keeps a cell that
// starts with = + - @ tab or CR from running as a formula in a spreadsheet.
// Numbers are plain (no thousands separators); a figure without data is an
// empty cell beside a status that says so.
import { stringify } from 'csv-stringify/sync';

export type Cell = string | number | null;

export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  // A lone CR or LF inside a cell is quoted too: csv-stringify only quotes the record delimiter itself.
  return stringify([header, ...rows.map((r) => r.map((c) => (c === null ? '' : c)))], {
    escape_formulas: true,
    record_delimiter: '\r\n',
    quoted_match: /[\r\n]/,
  });
}
