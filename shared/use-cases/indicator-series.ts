// The committee's (and a provider's own) figures over time: what each point
// rests on is read the way the overview of its period reads it — the e-loket
// periods the projections hold (and, to group or filter by row, the rows of
// exactly the version each projection names), or one as-of selection per
// period's end — and then the domain (shared/domain/series.ts) combines them.
import { createHash } from 'node:crypto';
import { mayReadOrganisation, readsEverything, type Caller } from '../domain/access.js';
import { PRINCIPLE_NAMES, type Principle } from '../domain/catalog.js';
import { canonicalJson } from '../domain/canonical-json.js';
import { describeOrganisation, type Organisation } from '../domain/organisations.js';
import { parsePeriod } from '../domain/periods.js';
import { TARGET_GROUP_LABELS } from '../domain/report/labels.js';
import {
  compareGroups,
  countsSeries,
  groupRows,
  principleSeries,
  PRINCIPLE_GROUPS,
  type CountsSeries,
  type EloketReports,
  type PrincipleSeries,
  type SeriesQuery,
} from '../domain/series.js';
import type { CountRow } from '../domain/service-counts.js';
import type { EloketRegistry } from '../adapters/eloket-registry.js';
import type { OrganisationRegistry } from '../adapters/organisation-registry.js';
import type { ProjectionStore } from '../adapters/projection-store.js';
import type { SubmissionStore } from '../adapters/submission-store.js';
import { selectAsOfManyFromStore } from './period-selection.js';
import { Refusal } from './refusal.js';

export interface SeriesDeps {
  projections: Pick<ProjectionStore, 'listCounts' | 'assessmentRows' | 'plannedEntries'>;
  submissions: Pick<SubmissionStore, 'serviceCountsVersion'>;
  eloketten: EloketRegistry;
  organisations: Pick<OrganisationRegistry, 'list'>;
}

export interface SeriesAnswer {
  from: string;
  to: string;
  granularity: SeriesQuery['granularity'];
  groupBy: SeriesQuery['groupBy'];
  filters: SeriesQuery['filters'];
  periods: string[];
  series: CountsSeries[] | PrincipleSeries[];
  nextCursor: string | null;
}

/** A provider reads only its own organisation's series, grouped by organisation; the committee reads everything. */
export function scopeOf(caller: Caller, query: SeriesQuery): SeriesQuery {
  if (readsEverything(caller)) return query;
  if (caller.role !== 'service-provider' || !caller.organisationId)
    throw new Refusal('forbidden', 'forbidden', 'this key may not read the series');
  if (query.groupBy !== 'organisation')
    throw new Refusal('forbidden', 'forbidden', 'a provider key may read only groupBy=organisation, for its own organisation', [
      { path: 'groupBy', message: 'only organisation with a provider key' },
    ]);
  const asked = query.filters.organisationId;
  if (asked !== undefined && !mayReadOrganisation(caller, asked))
    throw new Refusal('forbidden', 'forbidden', 'this key may only read its own organisation', [
      { path: 'organisationId', message: 'not the organisation of this key' },
    ]);
  return { ...query, filters: { ...query.filters, organisationId: caller.organisationId } };
}

// ---- the opaque cursor: where the last page stopped, bound to the query it belongs to ----

const fingerprint = (q: SeriesQuery) =>
  createHash('sha256')
    .update(canonicalJson({ from: q.from, to: q.to, groupBy: q.groupBy, filters: q.filters }))
    .digest('base64url')
    .slice(0, 16);

export const encodeCursor = (q: SeriesQuery, after: string) =>
  Buffer.from(JSON.stringify({ a: after, q: fingerprint(q) })).toString('base64url');

function decodeCursor(q: SeriesQuery): string | null {
  if (q.cursor === undefined) return null;
  try {
    const c = JSON.parse(Buffer.from(q.cursor, 'base64url').toString('utf8')) as { a?: unknown; q?: unknown };
    if (typeof c.a === 'string' && c.q === fingerprint(q)) return c.a;
  } catch {
    // falls through to the refusal
  }
  throw new Refusal(
    'invalid',
    'invalid_cursor',
    'the cursor does not belong to this query: send the nextCursor of the previous page with the same parameters',
    [{ path: 'cursor', message: 'not a cursor of this query' }],
  );
}

/** The page of series after the cursor, and the cursor of the next page. */
function page<S extends { group: string }>(q: SeriesQuery, all: readonly S[], order: (a: string, b: string) => number) {
  const after = decodeCursor(q);
  const rest = after === null ? all : all.filter((s) => order(s.group, after) > 0);
  const shown = rest.slice(0, q.limit);
  return { series: shown, nextCursor: rest.length > q.limit ? encodeCursor(q, shown[shown.length - 1]!.group) : null };
}

// ---- what the points rest on ----

/** Is `candidate` the period itself or a period the roll-up derives it from (its quarters, its months)? */
function feeds(point: string, candidate: string): boolean {
  const p = parsePeriod(point)!;
  const c = parsePeriod(candidate);
  if (!c || c.start < p.start || c.end > p.end) return false;
  return candidate === point || (p.kind === 'year' && c.kind !== 'year') || (p.kind === 'quarter' && c.kind === 'month');
}

async function mapLimited<T, R>(items: readonly T[], limit: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) out[i] = await f(items[i]!);
    }),
  );
  return out;
}

async function countsSeriesOf(deps: SeriesDeps, q: SeriesQuery, organisations: ReadonlyMap<string, Organisation>): Promise<CountsSeries[]> {
  const { filters } = q;
  const registered = await deps.eloketten.list();
  const eloketten = registered.filter((e) => filters.eloket === undefined || e.id === filters.eloket);
  const years = [...new Set(q.periods.map((p) => p.slice(0, 4)))];
  const domainOf = (o: string) => describeOrganisation(o, organisations).policyDomain;
  const keep = (r: CountRow) =>
    (filters.targetGroup === undefined || r.targetGroup === filters.targetGroup) &&
    (filters.organisationId === undefined || r.organisationId === filters.organisationId) &&
    (filters.policyDomain === undefined || domainOf(r.organisationId) === filters.policyDomain);
  const keyOf: Record<typeof q.groupBy, (r: CountRow, eloket: string) => string> = {
    eloket: (_r, e) => e,
    targetGroup: (r) => r.targetGroup,
    organisation: (r) => r.organisationId,
    policyDomain: (r) => domainOf(r.organisationId),
    principle: () => '',
  };
  // Grouped or filtered by row: the rows of each projected version are read; per e-loket alone, the projection's sums suffice.
  const byRow =
    q.groupBy !== 'eloket' ||
    filters.targetGroup !== undefined ||
    filters.organisationId !== undefined ||
    filters.policyDomain !== undefined;
  const reports: EloketReports[] = await Promise.all(
    eloketten.map(async (e) => {
      const projected = (await Promise.all(years.map((y) => deps.projections.listCounts(e.id, y)))).flat();
      const relevant = projected.filter((c) => q.periods.some((p) => feeds(p, c.period)));
      const grouped = await mapLimited(relevant, 8, async (c) => {
        if (!byRow) return [c.period, { version: c.version, groups: new Map([[e.id, c.summary]]) }] as const;
        const stored = await deps.submissions.serviceCountsVersion(e.id, c.period, c.version);
        if (!stored) throw new Error(`counts ${e.id} ${c.period} v${c.version} are projected but not stored`);
        const groups = groupRows(stored.payload.counts, (r) => (keep(r) ? keyOf[q.groupBy](r, e.id) : null));
        return [c.period, { version: c.version, groups }] as const;
      });
      return { eloket: e.id, reported: new Map(grouped) };
    }),
  );
  const names = new Map(registered.map((e) => [e.id, e.name]));
  const labelOf: Record<typeof q.groupBy, (g: string) => string> = {
    eloket: (g) => names.get(g) ?? g,
    targetGroup: (g) => TARGET_GROUP_LABELS[g] ?? g,
    organisation: (g) => describeOrganisation(g, organisations).name,
    policyDomain: (g) => g,
    principle: (g) => g,
  };
  return countsSeries(q.periods, reports, q.groupBy as Exclude<typeof q.groupBy, 'principle'>, labelOf[q.groupBy]);
}

async function principleSeriesOf(deps: SeriesDeps, q: SeriesQuery, organisations: ReadonlyMap<string, Organisation>) {
  const ends = q.periods.map((p) => parsePeriod(p)!.end);
  const selections = await selectAsOfManyFromStore(deps.projections, ends);
  const { filters } = q;
  return principleSeries(
    q.periods.map((period, i) => ({ period, selection: selections[i]! })),
    (s) =>
      (filters.eloket === undefined || s.eloketten.includes(filters.eloket)) &&
      (filters.targetGroup === undefined || s.targetGroups.includes(filters.targetGroup)) &&
      (filters.organisationId === undefined || s.organisationId === filters.organisationId) &&
      (filters.policyDomain === undefined || describeOrganisation(s.organisationId, organisations).policyDomain === filters.policyDomain),
    (g) => (g === 'all' ? 'Alle principes' : PRINCIPLE_NAMES[g as Principle]),
  );
}

export async function indicatorSeries(deps: SeriesDeps, caller: Caller, asked: SeriesQuery): Promise<SeriesAnswer> {
  const q = scopeOf(caller, asked);
  const organisations = new Map((await deps.organisations.list()).map((o) => [o.organisationId, o]));
  const head = { from: q.from, to: q.to, granularity: q.granularity, groupBy: q.groupBy, filters: q.filters, periods: q.periods };
  if (q.groupBy === 'principle') {
    const order = (a: string, b: string) => PRINCIPLE_GROUPS.indexOf(a as never) - PRINCIPLE_GROUPS.indexOf(b as never);
    return { ...head, ...page(q, await principleSeriesOf(deps, q, organisations), order) };
  }
  return { ...head, ...page(q, await countsSeriesOf(deps, q, organisations), compareGroups) };
}
