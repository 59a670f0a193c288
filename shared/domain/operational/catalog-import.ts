// The committee adds indicators (action 16) as a new catalog version, from a
// spreadsheet with one indicator a row. The new version holds every indicator
// of the latest one, unchanged, plus the new rows; a row may repeat a
// published indicator as it is (so the file may hold the whole catalog), but
// never change it. Every problem of the file is named; with any problem
// nothing is stored.
import { canonicalJson } from '../canonical-json.js';
import { allCatalogs, indicatorCatalogVersionSchema, type IndicatorCatalog } from './catalogs.js';
import { catalogFor } from '../catalog.js';
import { textProblem } from '../text.js';
import { CRITERIA_CATALOG_VERSION, indicatorProblems, indicatorSchema, type Indicator } from './indicator.js';

export const IMPORT_COLUMNS = ['id', 'label', 'kind', 'scale', 'better', 'good', 'goodLabel', 'criteria'] as const;
const REQUIRED = ['id', 'label', 'kind', 'criteria'] as const;

export interface ImportRow {
  /** the line of the file, counting from 1 */
  line: number;
  cells: Readonly<Record<string, string>>;
}

export interface ImportProblem {
  line?: number;
  column?: string;
  message: string;
}

export type ImportOutcome =
  | { kind: 'new'; catalog: IndicatorCatalog; added: string[] }
  | { kind: 'unchanged'; catalog: IndicatorCatalog }
  | { kind: 'refused'; problems: ImportProblem[] };

const MAX_COUNT = 1_000_000;
const LEVEL = /^[A-Za-z0-9][A-Za-z0-9+._-]{0,15}$/;
const INDICATOR_ID = /^[a-z][A-Za-z0-9]{0,63}$/;
const KINDS = ['count', 'yesno', 'level'] as const;

/** What to write in a text cell (label, goodLabel), or null when it reads. */
function textCellProblem(value: string, what: string): string | null {
  if (value.length > 120) return `write ${what} in at most 120 characters (found ${value.length})`;
  const wrong = textProblem(value);
  return wrong === null ? null : `${wrong}: write ${what} as plain text`;
}

/**
 * The fields of an indicator from the cells of its row, each cell checked on
 * its own, and the problem of every cell that cannot be read: what to write,
 * and what was found. Only the cells of an unknown kind go unchecked (what
 * they mean depends on the kind).
 */
function readRow(row: ImportRow): { candidate: Record<string, unknown>; problems: ImportProblem[]; unreadable: Set<string> } {
  const c = (name: string) => (row.cells[name] ?? '').trim();
  const problems: ImportProblem[] = [];
  const unreadable = new Set<string>();
  const at = (column: string, message: string) => {
    problems.push({ line: row.line, column, message });
    unreadable.add(column);
  };
  const candidate: Record<string, unknown> = {};

  const id = c('id');
  if (id === '') at('id', 'name the indicator, e.g. leadTimeDays (a letter, then letters and digits)');
  else if (!INDICATOR_ID.test(id))
    at('id', `write a letter then letters and digits (camelCase), at most 64, e.g. leadTimeDays (found "${id}")`);
  else candidate.id = id;

  const label = c('label');
  const labelProblem = label === '' ? "write the indicator's Dutch name" : textCellProblem(label, 'the Dutch name');
  if (labelProblem !== null) at('label', labelProblem);
  else candidate.label = label;

  const goodLabel = c('goodLabel');
  if (goodLabel !== '') {
    const wrong = textCellProblem(goodLabel, 'the words for a good value');
    if (wrong !== null) at('goodLabel', wrong);
    else candidate.goodLabel = goodLabel;
  }

  const criteria = c('criteria')
    .split(/[\s,|]+/)
    .filter((x) => x !== '');
  const known = new Set(catalogFor(CRITERIA_CATALOG_VERSION)!.criteria.map((k) => k.id));
  const unknown = criteria.filter((k) => !known.has(k));
  const repeated = [...new Set(criteria.filter((k, n) => criteria.indexOf(k) !== n))];
  if (criteria.length === 0) at('criteria', 'name at least one criterion, e.g. SD-G1');
  if (unknown.length > 0)
    at(
      'criteria',
      `unknown criteri${unknown.length === 1 ? 'on' : 'a'} ${unknown.join(', ')}: write criteria of the criteria catalog ${CRITERIA_CATALOG_VERSION}, e.g. SD-G1`,
    );
  if (repeated.length > 0) at('criteria', `name criterion ${repeated.join(', ')} once`);
  if (criteria.length > 52) at('criteria', `name at most 52 criteria (found ${criteria.length})`);
  if (!unreadable.has('criteria')) candidate.criteria = criteria;

  const kind = c('kind');
  const scale = c('scale');
  const better = c('better');
  const good = c('good');
  if (!(KINDS as readonly string[]).includes(kind)) {
    at('kind', kind === '' ? 'write count, yesno or level' : `write count, yesno or level (found "${kind}")`);
    return { candidate, problems, unreadable };
  }
  candidate.kind = kind;
  if (kind === 'count') {
    const m = /^(\d+)\s*-\s*(\d+)$/.exec(scale);
    let range: { min: number; max: number } | undefined;
    if (!m) at('scale', `write the lowest and the highest count, e.g. 1-1000 (found "${scale}")`);
    else {
      const [min, max] = [Number(m[1]), Number(m[2])];
      if (max > MAX_COUNT) at('scale', `write a highest count of at most ${MAX_COUNT} (found ${max})`);
      else if (min >= max) at('scale', `the scale ${scale} is empty: write it as lowest-highest, e.g. 1-1000`);
      else range = { min, max };
    }
    if (range) Object.assign(candidate, range);
    if (better !== '' && better !== 'lower')
      at('better', `leave better empty or write lower: a count is better when lower (found "${better}")`);
    if (good !== '') {
      const from = range ?? { min: 0, max: MAX_COUNT };
      const n = /^\d+$/.test(good) ? Number(good) : undefined;
      if (n === undefined || n < from.min || n > from.max)
        at(
          'good',
          `write a whole number from ${from.min} to ${from.max}${range ? ', on the scale' : ''}: the most that is still good (found "${good}")`,
        );
      else candidate.good = n;
    }
  } else if (kind === 'yesno') {
    if (scale !== '') at('scale', `leave scale empty: a yes/no indicator has no scale (found "${scale}")`);
    if (better !== '' && better !== 'yes') at('better', `leave better empty: a yes/no indicator is better when yes (found "${better}")`);
    if (good !== '') at('good', `leave good empty: a yes/no indicator is good when yes (found "${good}")`);
  } else {
    const levels = scale
      .split('|')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const bad = levels.filter((l) => !LEVEL.test(l));
    const twice = [...new Set(levels.filter((l, n) => levels.indexOf(l) !== n))];
    if (levels.length < 2) at('scale', `write at least two levels, lowest first, separated by |, e.g. A1|A2|B1 (found "${scale}")`);
    if (levels.length > 12) at('scale', `write at most 12 levels (found ${levels.length})`);
    if (bad.length > 0)
      at('scale', `write each level as 1–16 letters, digits, "+", ".", "_" or "-" (found ${bad.map((l) => `"${l}"`).join(', ')})`);
    if (twice.length > 0) at('scale', `write level ${twice.join(', ')} once on the scale`);
    if (!unreadable.has('scale')) candidate.scale = levels;
    if (better !== 'lower' && better !== 'higher')
      at(
        'better',
        better === '' ? 'write lower or higher: the end of the scale that is better' : `write lower or higher (found "${better}")`,
      );
    else candidate.better = better;
    if (good !== '') {
      if (!unreadable.has('scale')) {
        if (!levels.includes(good))
          at('good', `write one of the levels ${levels.join('|')}: the worst that is still good (found "${good}")`);
        else candidate.good = good;
      } else if (!LEVEL.test(good)) at('good', `write a level of the scale: the worst that is still good (found "${good}")`);
      else candidate.good = good;
    }
  }
  return { candidate, problems, unreadable };
}

/** The columns of an indicator's fields. */
const columnOf = (key: string): string => (key === 'min' || key === 'max' ? 'scale' : key);
const KIND_FIELDS = new Set(['kind', 'min', 'max', 'scale', 'better', 'good']);

/**
 * The fields in which a row differs from the published indicator of the same
 * id, among the fields the row could be read for (an unreadable cell is named
 * as such already).
 */
function changedFields(published: Indicator, row: Record<string, unknown>, unreadable: ReadonlySet<string>): string[] {
  const keys = new Set([...Object.keys(published), ...Object.keys(row)]);
  return [...keys].filter(
    (k) =>
      !unreadable.has(columnOf(k)) &&
      !(unreadable.has('kind') && KIND_FIELDS.has(k)) &&
      canonicalJson((published as Record<string, unknown>)[k] ?? null) !== canonicalJson(row[k] ?? null),
  );
}

/**
 * A new catalog version from the rows of a file, checked against every
 * published version. `version` (YYYY-MM or YYYY-MM-DD, the month or day it
 * was agreed, so not after `today`) defaults to today's month (or today, when
 * a version of this month is already published).
 */
export function importCatalog(
  rows: readonly ImportRow[],
  context: { stored: readonly IndicatorCatalog[]; today: string; version?: string | undefined; columns: readonly string[] },
): ImportOutcome {
  const catalogs = allCatalogs(context.stored);
  const latest = catalogs.at(-1)!;
  const problems: ImportProblem[] = [];
  const unknownColumns = context.columns.filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  if (unknownColumns.length > 0)
    problems.push({ line: 1, message: `unknown column(s) ${unknownColumns.join(', ')}; the columns are ${IMPORT_COLUMNS.join(', ')}` });
  const missing = REQUIRED.filter((c) => !context.columns.includes(c));
  if (missing.length > 0)
    problems.push({ line: 1, message: `missing column(s) ${missing.join(', ')}; the columns are ${IMPORT_COLUMNS.join(', ')}` });
  if (problems.length > 0) return { kind: 'refused', problems };

  const seen = new Map<string, number>();
  const added: Indicator[] = [];
  const order = (p: ImportProblem) => (IMPORT_COLUMNS as readonly string[]).indexOf(p.column ?? '');
  for (const row of rows) {
    const read = readRow(row);
    problems.push(...[...read.problems].sort((x, y) => order(x) - order(y)));
    const id = read.candidate.id as string | undefined;
    if (id === undefined) continue;
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push({ line: row.line, column: 'id', message: `indicator ${id} is already on line ${first}: give each indicator one row` });
      continue;
    }
    seen.set(id, row.line);
    const published = latest.indicators.find((i) => i.id === id);
    if (published) {
      const changed = changedFields(published, read.candidate, read.unreadable);
      if (changed.length > 0)
        problems.push({
          line: row.line,
          column: 'id',
          message: `indicator ${id} is published in version ${latest.version} and never changes (this row changes ${changed.join(', ')}): give a changed indicator a new id`,
        });
    }
    if (read.problems.length > 0) continue;
    // Every cell reads: the checks above are the schema's, so this only guards against their drifting apart.
    const parsed = indicatorSchema.safeParse(read.candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({
          line: row.line,
          ...(issue.path.length > 0 ? { column: columnOf(String(issue.path[0])) } : {}),
          message: issue.message,
        });
      continue;
    }
    const more = indicatorProblems(parsed.data);
    for (const message of more) problems.push({ line: row.line, message });
    if (!published && more.length === 0) added.push(parsed.data);
  }
  const existing = catalogs.find((c) => c.version === context.version);
  // The same file again: what it holds is published already.
  if (problems.length === 0 && rows.length > 0 && added.length === 0 && (context.version === undefined || existing === latest))
    return { kind: 'unchanged', catalog: latest };
  if (rows.length === 0) problems.push({ message: 'the file holds no indicator' });
  else if (added.length === 0 && problems.length === 0)
    problems.push({ message: `the file adds no indicator to version ${latest.version}: nothing to publish` });
  if (context.version !== undefined) {
    if (!indicatorCatalogVersionSchema.safeParse(context.version).success)
      problems.push({
        message: `version "${context.version}" is not a catalog version: write YYYY-MM or YYYY-MM-DD, the month or day it was agreed (e.g. ${context.today.slice(0, 7)})`,
      });
    else if (context.version > (context.version.length === 7 ? context.today.slice(0, 7) : context.today))
      problems.push({
        message: `version ${context.version} is after today (${context.today}): a version is named after the month or day it was agreed, YYYY-MM or YYYY-MM-DD, ${context.today.slice(0, 7)} or ${context.today} at the latest`,
      });
    else if (existing)
      problems.push({
        message: `version ${existing.version} is published (on ${existing.publishedOn}) and never changes: give the new version another --version`,
      });
    else if (context.version < latest.version)
      problems.push({
        message: `version ${context.version} comes before the latest version ${latest.version}: a new version sorts after every published one`,
      });
  }
  const version =
    context.version ??
    (context.today.slice(0, 7) > latest.version ? context.today.slice(0, 7) : context.today > latest.version ? context.today : undefined);
  if (version === undefined)
    problems.push({
      message: `version ${latest.version} is the latest one: give the new version with --version (after ${latest.version})`,
    });
  if (problems.length > 0 || version === undefined) return { kind: 'refused', problems };
  return {
    kind: 'new',
    catalog: { version, publishedOn: context.today, indicators: [...latest.indicators, ...added] },
    added: added.map((i) => i.id),
  };
}
