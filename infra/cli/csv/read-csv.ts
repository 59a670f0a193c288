// Reads a CSV the way spreadsheets write it: UTF-8 with or without a BOM (or
// Windows-1252, what Excel's plain "CSV" gives in a Belgian locale), CRLF or LF,
// and "," or ";" or a tab as the separator (Excel in a Belgian locale writes ";").
import { parse } from 'csv-parse/sync';
import type { Problem } from '../../../shared/domain/problems.js';

export type Separator = ',' | ';' | '\t';
export const SEPARATORS: readonly Separator[] = [',', ';', '\t'];

export const separatorName = (s: Separator): string => (s === ',' ? 'comma' : s === ';' ? 'semicolon' : 'tab');

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'windows-1252';
}

// Windows-1252 is Latin-1 except for 0x80–0x9F (Node's TextDecoder reads those as C1 controls).
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** UTF-8 when the bytes are UTF-8 (the BOM is dropped); otherwise Windows-1252, which never fails. */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  try {
    // fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'utf-8' };
  } catch {
    let text = '';
    for (const b of bytes) text += b >= 0x80 && b <= 0x9f ? CP1252_80_9F[b - 0x80] : String.fromCharCode(b);
    return { text, encoding: 'windows-1252' };
  }
}

/**
 * The separator of a file, from its first line: the candidate that splits it
 * into the most known column names; on a tie (or none known) the one that
 * occurs most often; a single column means ",".
 */
export function detectSeparator(text: string, knownColumns: readonly string[]): Separator {
  const firstLine = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').trim();
  const known = new Set(knownColumns.map((c) => c.toLowerCase()));
  let best: { sep: Separator; known: number; count: number } = { sep: ',', known: 0, count: 0 };
  for (const sep of SEPARATORS) {
    const cells = firstLine.split(sep).map((c) =>
      c
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase(),
    );
    const score = { sep, known: cells.filter((c) => known.has(c)).length, count: cells.length - 1 };
    if (score.known > best.known || (score.known === best.known && score.count > best.count)) best = score;
  }
  return best.sep;
}

export interface CsvRecord {
  /** the line of the file the record starts on, counting from 1 */
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {}

/** Every non-empty record with its line; cells trimmed; rows of only empty cells (Excel pads with them) left out. */
export function readCsvRecords(text: string, separator: Separator): CsvRecord[] {
  let rows: Array<{ record: string[]; info: { lines: number }; raw: string }>;
  try {
    // csv-parse miscounts lines after a quoted CRLF; with LF only it counts right.
    rows = parse(text.replace(/\r\n?/g, '\n'), {
      delimiter: separator,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      raw: true,
    }) as unknown as typeof rows;
  } catch (err) {
    throw new CsvSyntaxError((err as Error).message);
  }
  return rows
    .filter((r) => r.record.some((c) => c !== ''))
    .map((r) => {
      const cells = [...r.record];
      while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
      // info.lines is the record's last line; a quoted line break inside it started it earlier.
      const inner = r.raw.replace(/^\n+/, '').replace(/\n$/, '').split('\n').length - 1;
      return { line: r.info.lines - inner, cells };
    });
}

export type CsvTable =
  { ok: true; separator: Separator; header: string[]; body: CsvRecord[] } | { ok: false; separator: Separator; problems: Problem[] };

/**
 * A CSV file as a header and the records under it: the separator detected,
 * every column checked against the known ones (each unknown and each missing
 * required one named at once). An empty file has no missing column unless
 * `emptyMissesColumns`; the reader then says what it lacks.
 */
export function readCsvTable(
  text: string,
  columns: readonly string[],
  required: readonly string[],
  options: { emptyMissesColumns?: boolean } = {},
): CsvTable {
  const separator = detectSeparator(text, columns);
  let records;
  try {
    records = readCsvRecords(text, separator);
  } catch (err) {
    if (err instanceof CsvSyntaxError) return { ok: false, separator, problems: [{ path: 'file', message: err.message }] };
    throw err;
  }
  const [head, ...body] = records;
  const header = head?.cells ?? [];
  const problems: Problem[] = [];
  for (const col of header)
    if (!columns.includes(col))
      problems.push({ path: 'header', message: `unknown column "${col}"; the columns are ${columns.join(', ')}` });
  if (head || options.emptyMissesColumns)
    for (const col of required) if (!header.includes(col)) problems.push({ path: 'header', message: `missing column "${col}"` });
  return problems.length > 0 ? { ok: false, separator, problems } : { ok: true, separator, header, body };
}
