// Reads a provider's yearly plan from a spreadsheet (CSV): one row per planned
// service, checked whole with the API's own rules before anything is sent,
// every bad row named by its line. Belgian files as Excel writes them.
import { validatePlan, type PlanSubmission } from '../../../shared/domain/lifecycle/plan.js';
import type { Problem } from '../../../shared/domain/problems.js';
import { readAmount, readDate, readWholeNumber, type Reading } from './flemish-numbers.js';
import { readCsvTable, type Separator } from './read-csv.js';

export const PLAN_COLUMNS = ['serviceId', 'kind', 'name', 'targetGroups', 'budgetEur', 'expectedUsers', 'startsOn', 'goLiveOn'] as const;
type Column = (typeof PLAN_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['serviceId', 'kind', 'name', 'targetGroups', 'startsOn'];

export type PlanCsvResult =
  | { ok: true; body: PlanSubmission; separator: Separator; notes: string[]; lines: number[] }
  | { ok: false; problems: Problem[]; separator: Separator };

const KIND: Record<string, 'new' | 'rework'> = { new: 'new', nieuw: 'new', rework: 'rework', vernieuwing: 'rework', herwerking: 'rework' };

export function readPlanCsv(text: string, context: { organisationId: string; year: number; today: string }): PlanCsvResult {
  const table = readCsvTable(text, PLAN_COLUMNS, REQUIRED, { emptyMissesColumns: true });
  if (!table.ok) return table;
  const { separator, header, body: rows } = table;
  const problems: Problem[] = [];

  const notes: string[] = [];
  const lines = rows.map((r) => r.line);
  const services = rows.map(({ line, cells }) => {
    const cell = (col: Column) => {
      const v = cells[header.indexOf(col)];
      return v === undefined || v.trim() === '' ? undefined : v.trim();
    };
    const read = <T>(col: Column, reader: (raw: string) => Reading<T>): T | undefined => {
      const raw = cell(col);
      if (raw === undefined) return undefined;
      const r = reader(raw);
      if (!r.ok) {
        problems.push({ path: `line ${line}, ${col}`, message: r.message });
        return undefined;
      }
      if (r.note) notes.push(`line ${line}, ${col}: ${r.note}`);
      return r.value;
    };
    const kindRaw = cell('kind');
    const kind = kindRaw === undefined ? undefined : (KIND[kindRaw.toLowerCase()] ?? kindRaw);
    const budgetEur = read('budgetEur', readAmount);
    const expectedUsers = read('expectedUsers', readWholeNumber);
    const goLiveOn = read('goLiveOn', readDate);
    return {
      serviceId: cell('serviceId'),
      kind,
      name: cell('name'),
      targetGroups: (cell('targetGroups') ?? '')
        .split(/[,;|]/)
        .map((s) => s.trim().toLowerCase().replace(/\s+/g, '-'))
        .filter((s) => s !== ''),
      ...(budgetEur !== undefined ? { budgetEur } : {}),
      ...(expectedUsers !== undefined ? { expectedUsers } : {}),
      startsOn: read('startsOn', readDate) ?? cell('startsOn'),
      ...(goLiveOn !== undefined ? { goLiveOn } : {}),
    };
  });
  // The API's own rules, each problem placed on its line.
  const v = validatePlan({ organisationId: context.organisationId, year: context.year, services }, context);
  const located = v.ok
    ? []
    : v.problems.map((p) => {
        const m = /^services\[(\d+)\](?:\.(\w+))?/.exec(p.path);
        if (!m) return p;
        return {
          path: `line ${lines[Number(m[1])] ?? '?'}${m[2] ? `, ${m[2]}` : ''}`,
          message: p.message
            .replace(/services\[(\d+)\]/g, (_all, i: string) => `line ${lines[Number(i)] ?? '?'}`)
            .replace(/^Invalid input: expected \w+, received undefined$/, 'empty: fill it in'),
        };
      });
  // A cell already named above is not named again by the rules.
  const said = new Set(problems.map((p) => p.path));
  const all = [...problems, ...located.filter((p) => !said.has(p.path))].sort((a, b) => lineOf(a) - lineOf(b));
  if (all.length > 0 || !v.ok) return { ok: false, separator, problems: all };
  return { ok: true, separator, body: v.value, notes, lines };
}

const lineOf = (p: Problem): number => Number(/^line (\d+)/.exec(p.path)?.[1] ?? 0);
