// Reads an e-loket operator's spreadsheet (CSV) into a service-counts report,
// checking every row before anything is sent, and naming each bad row by its line.
import { parse } from 'csv-parse/sync';
import type { Problem } from '../../shared/domain/problems.js';
import { CHANNELS, validateServiceCounts, type CountRow } from '../../shared/domain/service-counts.js';

export const CSV_COLUMNS = ['organisationId', 'targetGroup', 'servicesOffered', ...CHANNELS] as const;

export type CsvResult = { ok: true; rows: CountRow[] } | { ok: false; problems: Problem[] };

export function readCountsCsv(text: string, period: string): CsvResult {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, { columns: true, bom: true, trim: true, skip_empty_lines: true, info: true }) as typeof records;
  } catch (err) {
    return { ok: false, problems: [{ path: 'file', message: (err as Error).message }] };
  }
  const problems: Problem[] = [];
  const header = records[0] ? Object.keys(records[0].record) : [];
  for (const col of header)
    if (!(CSV_COLUMNS as readonly string[]).includes(col))
      problems.push({ path: 'header', message: `unknown column "${col}"; the columns are ${CSV_COLUMNS.join(', ')}` });
  for (const col of CSV_COLUMNS.slice(0, 3))
    if (records.length > 0 && !header.includes(col)) problems.push({ path: 'header', message: `missing column "${col}"` });
  if (problems.length > 0) return { ok: false, problems };

  const lineOf: number[] = [];
  const rows = records.map(({ record, info }, i) => {
    lineOf[i] = info.lines;
    const number = (col: string): number | string | undefined => {
      const cell = record[col];
      if (cell === undefined || cell === '') return undefined;
      return /^-?\d+(?:\.\d+)?$/.test(cell) ? Number(cell) : cell;
    };
    const volumes: Record<string, number | string> = {};
    for (const c of CHANNELS) {
      const v = number(c);
      if (v !== undefined) volumes[c] = v;
    }
    return {
      organisationId: record.organisationId,
      targetGroup: record.targetGroup,
      servicesOffered: number('servicesOffered'),
      ...(Object.keys(volumes).length > 0 ? { volumes } : {}),
    };
  });
  // The same rules as the API, so what passes here is accepted there.
  const v = validateServiceCounts({ period, counts: rows }, () => true);
  if (v.ok) return { ok: true, rows: v.value.counts };
  return {
    ok: false,
    problems: v.problems.map((p) => {
      const m = /^counts\[(\d+)\](?:\.(.*))?$/.exec(p.path);
      if (!m) return p;
      const line = lineOf[Number(m[1])] ?? 0;
      const field = m[2]?.replace(/^volumes\./, '');
      const message = p.message
        .replace(/counts\[(\d+)\]/g, (_all, i: string) => `line ${lineOf[Number(i)] ?? '?'}`)
        .replace('Invalid input: expected number, received string', 'not a number');
      return { path: `line ${line}${field ? `, ${field}` : ''}`, message };
    }),
  };
}
