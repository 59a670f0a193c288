// The committee adds indicators (action 16) as a new catalog version, from a
// spreadsheet with one indicator a row. The new version holds every indicator
// of the latest one, unchanged, plus the new rows; a row may repeat a
// published indicator as it is (so the file may hold the whole catalog), but
// never change it. Every problem of the file is named; with any problem
// nothing is stored.
import { canonicalJson } from '../canonical-json.js';
import { allCatalogs, indicatorCatalogVersionSchema, type IndicatorCatalog } from './catalogs.js';
import { indicatorProblems, indicatorSchema, type Indicator } from './indicator.js';

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

/** The fields of an indicator from the cells of its row; the problems of the cells that cannot be read. */
function readRow(row: ImportRow): { candidate: Record<string, unknown>; problems: ImportProblem[] } {
  const c = (name: string) => (row.cells[name] ?? '').trim();
  const problems: ImportProblem[] = [];
  const at = (column: string, message: string) => problems.push({ line: row.line, column, message });
  const kind = c('kind');
  const candidate: Record<string, unknown> = {
    id: c('id'),
    label: c('label'),
    kind,
    criteria: c('criteria')
      .split(/[\s,|]+/)
      .filter((x) => x !== ''),
    ...(c('goodLabel') !== '' ? { goodLabel: c('goodLabel') } : {}),
  };
  const scale = c('scale');
  const better = c('better');
  const good = c('good');
  if (kind === 'count') {
    const m = /^(\d+)\s*-\s*(\d+)$/.exec(scale);
    if (!m) at('scale', `a count's scale is lowest-highest, e.g. 1-1000 (read "${scale}")`);
    else Object.assign(candidate, { min: Number(m[1]), max: Number(m[2]) });
    if (better !== '' && better !== 'lower') at('better', 'a count is better when lower: leave better empty or write lower');
    if (good !== '') {
      if (/^\d+$/.test(good)) candidate.good = Number(good);
      else at('good', `a count's good value is a whole number (the most that is still good), not "${good}"`);
    }
  } else if (kind === 'yesno') {
    if (scale !== '') at('scale', 'a yes/no indicator has no scale: leave it empty');
    if (better !== '' && better !== 'yes') at('better', 'a yes/no indicator is better when yes: leave better empty');
    if (good !== '') at('good', 'a yes/no indicator is good when yes: leave good empty');
  } else if (kind === 'level') {
    Object.assign(candidate, {
      scale: scale
        .split('|')
        .map((l) => l.trim())
        .filter((l) => l !== ''),
      better,
    });
    if (good !== '') candidate.good = good;
  } else {
    at('kind', `kind is count, yesno or level (read "${kind}")`);
  }
  return { candidate, problems };
}

/** The fields in which a row differs from the published indicator of the same id. */
function changedFields(published: Indicator, row: Indicator): string[] {
  const keys = new Set([...Object.keys(published), ...Object.keys(row)]);
  return [...keys].filter(
    (k) => canonicalJson((published as Record<string, unknown>)[k] ?? null) !== canonicalJson((row as Record<string, unknown>)[k] ?? null),
  );
}

/**
 * A new catalog version from the rows of a file, checked against every
 * published version. `version` defaults to today's month (or today, when a
 * version of this month is already published).
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
  for (const row of rows) {
    const read = readRow(row);
    problems.push(...read.problems);
    if (read.problems.length > 0) continue;
    const parsed = indicatorSchema.safeParse(read.candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ line: row.line, ...(issue.path.length > 0 ? { column: String(issue.path[0]) } : {}), message: issue.message });
      continue;
    }
    const indicator = parsed.data;
    for (const message of indicatorProblems(indicator)) problems.push({ line: row.line, message });
    const first = seen.get(indicator.id);
    if (first !== undefined) {
      problems.push({ line: row.line, column: 'id', message: `indicator ${indicator.id} is already on line ${first}` });
      continue;
    }
    seen.set(indicator.id, row.line);
    const published = latest.indicators.find((i) => i.id === indicator.id);
    if (!published) added.push(indicator);
    else {
      const changed = changedFields(published, indicator);
      if (changed.length > 0)
        problems.push({
          line: row.line,
          column: 'id',
          message: `indicator ${indicator.id} is published in version ${latest.version} and never changes (this row changes ${changed.join(', ')}): give a changed indicator a new id`,
        });
    }
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
      problems.push({ message: `version "${context.version}" is not a catalog version: YYYY-MM or YYYY-MM-DD` });
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
