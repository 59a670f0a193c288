// Figures over time (GET /v1/indicators/series, design §3): one point per
// period at the granularity of `from` and `to`, each computed as the overview
// of that period computes it (the roll-up of shared/domain/service-counts.ts,
// the as-of selection of shared/domain/as-of.ts), and per series a total over
// the range: flows summed, stocks the last point's, shares a ratio of sums.
import * as z from 'zod';
import type { AsOfResult, ServiceAsOf } from './as-of.js';
import { PERSPECTIVES, PRINCIPLES, type Principle } from './catalog-types.js';
import { eloketFigureJson } from './indicators.js';
import { parsePeriod, periodSchema, shiftPeriod, type PeriodKind } from './periods.js';
import type { Problem } from './problems.js';
import { assessedOf, assessmentFigures, type BandCounts } from './report/assessment-figures.js';
import {
  CHANNELS,
  combine,
  figureFor,
  figureJson,
  summarize,
  type Channel,
  type CountRow,
  type CountsSummary,
  type PeriodFigure,
} from './service-counts.js';
import { organisationIdSchema, slugSchema, TARGET_GROUPS, type TargetGroup } from './vocabulary.js';
import type { EloketFigureJson } from './indicators.js';
import type { CountsFigureJson } from './service-counts.js';

export const GROUP_BY = ['eloket', 'targetGroup', 'organisation', 'policyDomain', 'principle'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

/** At most this many points in one series (ten years of quarters, five of months). */
export const MAX_POINTS = 60;
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;

/** The query as it arrives: every parameter a string (the OpenAPI parameters are generated from this). */
export const seriesQuerySchema = z.strictObject({
  from: periodSchema.meta({ description: 'The first period: YYYY, YYYY-Qn or YYYY-MM; its kind is the granularity of the points' }),
  to: periodSchema.meta({ description: 'The last period, of the same kind as from' }),
  groupBy: z.enum(GROUP_BY).meta({ description: 'One series per e-loket, target group, organisation, policy domain, or principle' }),
  eloket: slugSchema.optional().meta({ description: 'Only this e-loket' }),
  targetGroup: z.enum(TARGET_GROUPS).optional().meta({ description: 'Only the rows (or services) of this target group' }),
  organisationId: organisationIdSchema.optional().meta({ description: "Only this organisation's rows (or services)" }),
  policyDomain: z.string().min(1).max(100).optional().meta({ description: 'Only organisations of this policy domain (from the register)' }),
  limit: z
    .string()
    .regex(/^[1-9]\d{0,2}$/, 'a whole number from 1 to 500')
    .optional()
    .meta({ description: `How many series per page (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT})` }),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,1024}$/, 'the nextCursor of an earlier answer')
    .optional()
    .meta({ description: 'The nextCursor of the previous page, as it was' }),
});

export interface SeriesQuery {
  from: string;
  to: string;
  groupBy: GroupBy;
  granularity: PeriodKind;
  periods: string[];
  filters: { eloket?: string; targetGroup?: TargetGroup; organisationId?: string; policyDomain?: string };
  limit: number;
  cursor?: string;
}

/** Every period of `from`'s kind from `from` to `to`, both included; null when they are not of one kind or out of order. */
export function periodsBetween(from: string, to: string, max = MAX_POINTS): string[] | null {
  const a = parsePeriod(from);
  const b = parsePeriod(to);
  if (!a || !b || a.kind !== b.kind || a.start > b.start) return null;
  const out = [from];
  while (out[out.length - 1] !== to) {
    if (out.length > max) return out;
    out.push(shiftPeriod(out[out.length - 1]!, 1));
  }
  return out;
}

export type SeriesQueryParse = { ok: true; value: SeriesQuery } | { ok: false; problems: Problem[] };

export function parseSeriesQuery(raw: unknown, zodProblems: (e: z.ZodError) => Problem[]): SeriesQueryParse {
  const parsed = seriesQuerySchema.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const q = parsed.data;
  const problems: Problem[] = [];
  const periods = periodsBetween(q.from, q.to);
  if (periods === null)
    problems.push({ path: 'to', message: `from and to must be periods of one kind (YYYY, YYYY-Qn or YYYY-MM), from ≤ to` });
  else if (periods.length > MAX_POINTS) problems.push({ path: 'to', message: `at most ${MAX_POINTS} periods from ${q.from}` });
  const limit = q.limit === undefined ? DEFAULT_LIMIT : Number(q.limit);
  if (limit > MAX_LIMIT) problems.push({ path: 'limit', message: `at most ${MAX_LIMIT}` });
  if (problems.length > 0) return { ok: false, problems };
  const filters: SeriesQuery['filters'] = {};
  for (const k of ['eloket', 'targetGroup', 'organisationId', 'policyDomain'] as const)
    if (q[k] !== undefined) Object.assign(filters, { [k]: q[k] });
  return {
    ok: true,
    value: {
      from: q.from,
      to: q.to,
      groupBy: q.groupBy,
      granularity: parsePeriod(q.from)!.kind,
      periods: periods!,
      filters,
      limit,
      ...(q.cursor !== undefined ? { cursor: q.cursor } : {}),
    },
  };
}

// ---------------------------------------------------------------- counts ----

/** One e-loket report's rows, summed per group (a group without rows in it is absent). */
export interface GroupedReport {
  version: number;
  groups: ReadonlyMap<string, CountsSummary>;
}

/** What the counts series rest on, per e-loket: every period it reported in the range's years. */
export interface EloketReports {
  eloket: string;
  reported: ReadonlyMap<string, GroupedReport>;
}

/** Rows summed per group: the key of a row, or null to leave the row out (a filter). */
export function groupRows(rows: readonly CountRow[], keyOf: (row: CountRow) => string | null): Map<string, CountsSummary> {
  const by = new Map<string, CountRow[]>();
  for (const r of rows) {
    const k = keyOf(r);
    if (k === null) continue;
    const list = by.get(k) ?? [];
    list.push(r);
    by.set(k, list);
  }
  return new Map([...by].map(([k, list]) => [k, summarize(list)]));
}

const EMPTY = summarize([]);

export type CountsPoint = { period: string } & (EloketFigureJson | AggregatedJson);
type AggregatedJson = { status: 'no_data' } | ({ status: 'aggregated'; eloketten: number } & CountsFigureJson);
export type CountsTotal = { status: 'no_data' } | ({ status: 'aggregated'; points: number; lastPeriod: string } & CountsFigureJson);

export interface CountsSeries {
  group: string;
  label: string;
  points: CountsPoint[];
  total: CountsTotal;
}

const addNullable = (a: bigint | null, b: bigint | null) => (a === null ? b : b === null ? a : a + b);

/** Over the range: flows (volumes, rows) summed over the points with data, stocks from the last of them. */
export function rangeTotal(points: ReadonlyArray<{ period: string; summary: CountsSummary | null }>): CountsTotal {
  const withData = points.filter((p): p is { period: string; summary: CountsSummary } => p.summary !== null);
  const last = withData[withData.length - 1];
  if (!last) return { status: 'no_data' };
  const volumes = {} as Record<Channel, bigint | null>;
  for (const c of CHANNELS) volumes[c] = withData.reduce<bigint | null>((acc, p) => addNullable(acc, p.summary.volumes[c]), null);
  const total: CountsSummary = {
    ...last.summary,
    volumes,
    rows: withData.reduce((n, p) => n + p.summary.rows, 0),
    rowsWithData: withData.reduce((n, p) => n + p.summary.rowsWithData, 0),
  };
  return { status: 'aggregated', points: withData.length, lastPeriod: last.period, ...figureJson(total) };
}

/** A group's reports at one e-loket: every period the e-loket reported, the group's rows of it (none: an empty summary). */
function reportedOf(e: EloketReports, group: string | null): Map<string, { version: number; summary: CountsSummary }> {
  return new Map(
    [...e.reported].map(([period, r]) => [
      period,
      { version: r.version, summary: group === null ? (combine([...r.groups.values()]) ?? EMPTY) : (r.groups.get(group) ?? EMPTY) },
    ]),
  );
}

const summaryOf = (f: PeriodFigure) => (f.status === 'no_data' ? null : f.summary);

/**
 * The counts series: per e-loket, each point is that e-loket's figure exactly
 * as the overview of the period gives it; per any other group, each point sums
 * the group's figure at every e-loket, as the overview's `all` sums e-loketten.
 */
export function countsSeries(
  periods: readonly string[],
  eloketten: readonly EloketReports[],
  groupBy: Exclude<GroupBy, 'principle'>,
  labelOf: (group: string) => string,
): CountsSeries[] {
  if (groupBy === 'eloket') {
    return eloketten
      .map((e) => {
        const reported = reportedOf(e, null);
        const figures = periods.map((period) => ({ period, figure: figureFor(period, reported) }));
        return {
          group: e.eloket,
          label: labelOf(e.eloket),
          points: figures.map(({ period, figure }) => ({ period, ...eloketFigureJson(figure) })),
          total: rangeTotal(figures.map(({ period, figure }) => ({ period, summary: summaryOf(figure) }))),
        };
      })
      .sort((a, b) => compareGroups(a.group, b.group));
  }
  const groups = new Set<string>();
  for (const e of eloketten) for (const r of e.reported.values()) for (const g of r.groups.keys()) groups.add(g);
  return [...groups].sort(compareGroups).map((group) => {
    const atEloket = eloketten.map((e) => reportedOf(e, group));
    const points = periods.map((period) => {
      const withRows = atEloket
        .map((reported) => summaryOf(figureFor(period, reported)))
        .filter((s): s is CountsSummary => s !== null && s.rows > 0);
      const summary = combine(withRows);
      return {
        period,
        summary,
        json: summary
          ? { status: 'aggregated' as const, eloketten: withRows.length, ...figureJson(summary) }
          : { status: 'no_data' as const },
      };
    });
    return {
      group,
      label: labelOf(group),
      points: points.map(({ period, json }) => ({ period, ...json })),
      total: rangeTotal(points),
    };
  });
}

/** Groups sort by code point, so a cursor names a place in the order whatever the locale. */
export const compareGroups = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ------------------------------------------------------------- principles ----

export const PRINCIPLE_GROUPS = [...PRINCIPLES, 'all'] as const;
type Perspectives = Record<(typeof PERSPECTIVES)[number] | 'all', BandCounts>;

export interface PrinciplePoint {
  period: string;
  /** the services assessed by the period's end (after the filters) */
  services: number;
  /** results: the bands of each service's latest post */
  bands: Perspectives;
  /** forecasts: the bands of the pre of services without a post yet */
  forecastBands: Perspectives;
}

export interface PrincipleSeries {
  group: Principle | 'all';
  label: string;
  points: PrinciplePoint[];
}

/** Per principle, the bands of each period, each from the as-of selection made for that period's end. */
export function principleSeries(
  selections: ReadonlyArray<{ period: string; selection: AsOfResult }>,
  keep: (service: ServiceAsOf) => boolean,
  labelOf: (group: Principle | 'all') => string,
): PrincipleSeries[] {
  const figures = selections.map(({ period, selection }) => {
    const services = selection.services.filter(keep);
    return { period, figures: assessmentFigures(assessedOf(services), services) };
  });
  return PRINCIPLE_GROUPS.map((group) => ({
    group,
    label: labelOf(group),
    points: figures.map(({ period, figures: f }) => ({
      period,
      services: f.services,
      bands: f.bands[group],
      forecastBands: f.forecastBands[group],
    })),
  }));
}

// ------------------------------------------------------------------- CSV ----

export const COUNTS_CSV_HEADER = [
  'group',
  'label',
  'period',
  'status',
  'servicesOffered',
  'providers',
  ...TARGET_GROUPS,
  ...CHANNELS,
  'total',
  'rows',
  'rowsWithData',
  'digitalShare',
] as const;

export const PRINCIPLE_CSV_HEADER = [
  'group',
  'label',
  'period',
  'kind',
  'perspective',
  'services',
  'good',
  'partial',
  'none',
  'n/a',
] as const;

type Cell = string | number | null;

function countsCells(group: string, label: string, period: string, f: CountsPoint | CountsTotal): Cell[] {
  if (f.status === 'no_data') return [group, label, period, 'no_data', ...COUNTS_CSV_HEADER.slice(4).map(() => null)];
  return [
    group,
    label,
    period,
    f.status,
    f.servicesOffered,
    f.providers,
    ...TARGET_GROUPS.map((g) => f.byTargetGroup[g] ?? null),
    ...CHANNELS.map((c) => f.volumes[c]),
    f.volumes.total,
    f.volumes.rows,
    f.volumes.rowsWithData,
    f.digitalShare,
  ];
}

/** The rows of the CSV answer: one per point, then the range's total as the period `from/to`. */
export function countsCsvRows(series: readonly CountsSeries[], range: string): Cell[][] {
  return series.flatMap((s) => [
    ...s.points.map((p) => countsCells(s.group, s.label, p.period, p)),
    countsCells(s.group, s.label, range, s.total),
  ]);
}

export function principleCsvRows(series: readonly PrincipleSeries[]): Cell[][] {
  return series.flatMap((s) =>
    s.points.flatMap((p) =>
      (
        [
          ['results', p.bands],
          ['forecasts', p.forecastBands],
        ] as const
      ).flatMap(([kind, table]) =>
        ([...PERSPECTIVES, 'all'] as const).map((v) => [
          s.group,
          s.label,
          p.period,
          kind,
          v,
          p.services,
          table[v].good,
          table[v].partial,
          table[v].none,
          table[v]['n/a'],
        ]),
      ),
    ),
  );
}
