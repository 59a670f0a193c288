// Reads an e-loket operator's spreadsheet (CSV) into a service-counts report,
// checking every row before anything is sent, and naming each bad row by its line.
import type { Problem } from '../../../shared/domain/problems.js';
import { CHANNELS, validateServiceCounts, type CountRow } from '../../../shared/domain/service-counts.js';
import { readWholeNumber } from './flemish-numbers.js';
import { readCsvTable, type Separator } from './read-csv.js';

export const CSV_COLUMNS = ['organisationId', 'targetGroup', 'servicesOffered', ...CHANNELS] as const;
type Column = (typeof CSV_COLUMNS)[number];

export type CsvResult =
  | { ok: true; rows: CountRow[]; separator: Separator; notes: string[]; lines: number[] }
  | { ok: false; problems: Problem[]; separator: Separator };

export function readCountsCsv(text: string, period: string): CsvResult {
  const table = readCsvTable(text, CSV_COLUMNS, CSV_COLUMNS.slice(0, 3));
  if (!table.ok) return table;
  const { separator, header, body } = table;

  const notes: string[] = [];
  const notation: Problem[] = [];
  const lines = body.map((r) => r.line);
  const rows = body.map(({ line, cells }) => {
    const cell = (col: Column): string | undefined => {
      const i = header.indexOf(col);
      const v = i < 0 ? undefined : cells[i];
      return v === undefined || v === '' ? undefined : v;
    };
    const number = (col: Column): number | undefined => {
      const raw = cell(col);
      if (raw === undefined) return undefined;
      const r = readWholeNumber(raw);
      if (r.ok) {
        if (r.note) notes.push(`line ${line}, ${col}: ${r.note}`);
        return r.value;
      }
      notation.push({ path: `line ${line}, ${col}`, message: r.message });
      return 0; // reported above; a valid stand-in keeps the domain's check from repeating it
    };
    const servicesOffered = number('servicesOffered'); // first: problems in the order of the columns
    const volumes: Record<string, number> = {};
    for (const c of CHANNELS) {
      const v = number(c);
      if (v !== undefined) volumes[c] = v;
    }
    return {
      organisationId: cell('organisationId'),
      targetGroup: cell('targetGroup'),
      servicesOffered,
      ...(Object.keys(volumes).length > 0 ? { volumes } : {}),
    };
  });
  // The same rules as the API, so what passes here is accepted there.
  const v = validateServiceCounts({ period, counts: rows }, () => true);
  const domain = v.ok
    ? []
    : v.problems.map((p) => {
        const m = /^counts\[(\d+)\](?:\.(.*))?$/.exec(p.path);
        if (!m) return p;
        const line = lines[Number(m[1])] ?? 0;
        const field = m[2]?.replace(/^volumes\./, '');
        const message = p.message
          .replace(/counts\[(\d+)\]/g, (_all, i: string) => `line ${lines[Number(i)] ?? '?'}`)
          .replace(/^Invalid input: expected \w+, received undefined$/, 'empty: fill it in');
        return { path: `line ${line}${field ? `, ${field}` : ''}`, message };
      });
  const all = [...notation, ...domain].sort((a, b) => lineOf(a) - lineOf(b));
  if (all.length > 0 || !v.ok) return { ok: false, separator, problems: all };
  return { ok: true, separator, rows: v.value.counts, notes, lines };
}

const lineOf = (p: Problem): number => Number(/^line (\d+)/.exec(p.path)?.[1] ?? 0);
