// E-loket service counts (seed §3.2.3, design §2): per e-loket and period, how
// many services each provider offers per target group, and optionally the
// period's volumes per channel in the seed's click–call–connect terms (§2.2.2).
// A channel left out is *no data*, never 0; a period never reported is no_data.
import * as z from 'zod';
import { exactJson, ratio, type Exact } from './exact.js';
import { EXAMPLE_SERVICE_COUNTS } from './examples.js';
import { parsePeriod, periodSchema, type Period } from './periods.js';
import { zodProblems, type Problem } from './problems.js';
import { organisationIdSchema, slugSchema, TARGET_GROUPS, type TargetGroup } from './vocabulary.js';

export const MAX_COUNT_ROWS = 5000;
export const MAX_VOLUME = 1e12;
export const CHANNELS = ['click', 'call', 'connect', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

const volume = z.int().min(0).max(MAX_VOLUME);

export const countRowSchema = z
  .strictObject({
    organisationId: organisationIdSchema.meta({
      description: "The provider whose services are counted: its OVO number, or another registry's id (the registered one, if registered).",
      examples: ['OVO000123'],
    }),
    targetGroup: z.enum(TARGET_GROUPS).meta({ description: 'Who the services are for.' }),
    servicesOffered: z
      .int()
      .min(0)
      .max(1_000_000)
      .meta({ description: 'How many services the provider offers through the e-loket to this target group.', examples: [12] }),
    volumes: z
      .strictObject({
        click: volume.meta({ description: 'Online interactions.' }).optional(),
        call: volume.meta({ description: 'By phone, e-mail or chat with a person.' }).optional(),
        connect: volume.meta({ description: 'In person.' }).optional(),
        other: volume.meta({ description: 'By mail, or anything else.' }).optional(),
      })
      .meta({
        description: "Optional: the period's interactions per channel. A channel left out is no data (never 0); 0 is an observed zero.",
        examples: [{ click: 48210, call: 5120, connect: 830 }],
      })
      .optional(),
  })
  .meta({ description: 'One provider and target group.' });
export type CountRow = z.infer<typeof countRowSchema>;

export const serviceCountsSchema = z
  .strictObject({
    eloket: slugSchema
      .meta({
        description: "Optional: the e-loket, which must be the key's own (it comes from the key).",
        examples: ['mijn-burgerprofiel'],
      })
      .optional(),
    period: periodSchema,
    counts: z.array(countRowSchema).max(MAX_COUNT_ROWS).meta({ description: 'At most 5,000 rows, one per provider and target group.' }),
  })
  .meta({
    description:
      "An e-loket's report for a period (YYYY, YYYY-Qn or YYYY-MM). Posting the same period again replaces the report whole, as a new version.",
    examples: [EXAMPLE_SERVICE_COUNTS],
  });
export type ServiceCountsSubmission = z.infer<typeof serviceCountsSchema>;

export type CountsValidation = { ok: true; value: ServiceCountsSubmission } | { ok: false; tooMany: boolean; problems: Problem[] };

export function validateServiceCounts(body: unknown, knownEloket: (id: string) => boolean): CountsValidation {
  const rows = (body as { counts?: unknown } | null)?.counts;
  if (Array.isArray(rows) && rows.length > MAX_COUNT_ROWS) {
    return {
      ok: false,
      tooMany: true,
      problems: [{ path: 'counts', message: `${rows.length} rows; at most ${MAX_COUNT_ROWS} in one report` }],
    };
  }
  const parsed = serviceCountsSchema.safeParse(body);
  const problems = parsed.success ? [] : zodProblems(parsed.error);
  const eloket = (body as { eloket?: unknown } | null)?.eloket;
  if (typeof eloket === 'string' && slugSchema.safeParse(eloket).success && !knownEloket(eloket)) {
    problems.push({ path: 'eloket', message: `unknown e-loket "${eloket}"` });
  }
  if (Array.isArray(rows)) {
    const seen = new Map<string, number>();
    rows.forEach((r: unknown, i) => {
      const { organisationId, targetGroup } = (r ?? {}) as { organisationId?: unknown; targetGroup?: unknown };
      if (typeof organisationId !== 'string' || typeof targetGroup !== 'string') return;
      const key = `${organisationId}\u0000${targetGroup}`;
      const first = seen.get(key);
      if (first !== undefined)
        problems.push({ path: `counts[${i}]`, message: `${organisationId} / ${targetGroup} is already reported at counts[${first}]` });
      else seen.set(key, i);
    });
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, tooMany: false, problems };
  return { ok: true, value: parsed.data };
}

/** One e-loket's figures for one period, exact (BigInt) sums. */
export interface CountsSummary {
  servicesOffered: bigint;
  byTargetGroup: Partial<Record<TargetGroup, bigint>>;
  providers: string[];
  /** per channel: null when no row had data for it */
  volumes: Record<Channel, bigint | null>;
  rows: number;
  rowsWithData: number;
}

export function summarize(rows: readonly CountRow[]): CountsSummary {
  const byTargetGroup: Partial<Record<TargetGroup, bigint>> = {};
  const providers = new Set<string>();
  const volumes: Record<Channel, bigint | null> = { click: null, call: null, connect: null, other: null };
  let servicesOffered = 0n;
  let rowsWithData = 0;
  for (const r of rows) {
    const n = BigInt(r.servicesOffered);
    servicesOffered += n;
    byTargetGroup[r.targetGroup] = (byTargetGroup[r.targetGroup] ?? 0n) + n;
    if (r.servicesOffered > 0) providers.add(r.organisationId);
    let hasData = false;
    for (const c of CHANNELS) {
      const v = r.volumes?.[c];
      if (v === undefined) continue;
      volumes[c] = (volumes[c] ?? 0n) + BigInt(v);
      hasData = true;
    }
    if (hasData) rowsWithData += 1;
  }
  return { servicesOffered, byTargetGroup, providers: [...providers].sort(), volumes, rows: rows.length, rowsWithData };
}

const addNullable = (a: bigint | null, b: bigint | null) => (a === null ? b : b === null ? a : a + b);

/** The figure of a period: reported, derived from shorter periods inside it, or no data. */
export type PeriodFigure =
  | { status: 'reported'; period: string; version: number; summary: CountsSummary }
  | { status: 'derived'; period: string; from: 'quarters' | 'months'; reported: number; of: number; summary: CountsSummary }
  | { status: 'no_data'; period: string };

/** The periods a period is derived from: a year's quarters, a quarter's months; none for a month. */
export function subPeriodsOf(p: Period): string[] {
  if (p.kind === 'year') return [1, 2, 3, 4].map((q) => `${p.year}-Q${q}`);
  if (p.kind === 'quarter') {
    const first = Number(p.start.slice(5, 7));
    return [0, 1, 2].map((i) => `${p.year}-${String(first + i).padStart(2, '0')}`);
  }
  return [];
}

/**
 * Roll-up (design §3): a report for the period itself stands; otherwise volumes
 * (flows) are summed over the sub-periods reported and servicesOffered (a stock)
 * is taken from the last one reported.
 */
export function figureFor(periodId: string, reported: ReadonlyMap<string, { version: number; summary: CountsSummary }>): PeriodFigure {
  const direct = reported.get(periodId);
  if (direct) return { status: 'reported', period: periodId, version: direct.version, summary: direct.summary };
  const p = parsePeriod(periodId);
  if (!p) return { status: 'no_data', period: periodId };
  const kids = subPeriodsOf(p)
    .map((c) => figureFor(c, reported))
    .filter((f) => f.status !== 'no_data') as Array<Exclude<PeriodFigure, { status: 'no_data' }>>;
  if (kids.length === 0) return { status: 'no_data', period: periodId };
  const last = kids[kids.length - 1]!.summary;
  const volumes = { ...last.volumes };
  let rows = 0;
  let rowsWithData = 0;
  for (const c of CHANNELS) volumes[c] = kids.reduce<bigint | null>((acc, k) => addNullable(acc, k.summary.volumes[c]), null);
  for (const k of kids) {
    rows += k.summary.rows;
    rowsWithData += k.summary.rowsWithData;
  }
  return {
    status: 'derived',
    period: periodId,
    from: p.kind === 'year' ? 'quarters' : 'months',
    reported: kids.length,
    of: subPeriodsOf(p).length,
    summary: {
      servicesOffered: last.servicesOffered,
      byTargetGroup: last.byTargetGroup,
      providers: last.providers,
      volumes,
      rows,
      rowsWithData,
    },
  };
}

/** Sum of several e-loketten's figures for one period: stocks and flows add up, providers are counted once. */
export function combine(summaries: readonly CountsSummary[]): CountsSummary | null {
  if (summaries.length === 0) return null;
  const byTargetGroup: Partial<Record<TargetGroup, bigint>> = {};
  const volumes: Record<Channel, bigint | null> = { click: null, call: null, connect: null, other: null };
  const providers = new Set<string>();
  let servicesOffered = 0n;
  let rows = 0;
  let rowsWithData = 0;
  for (const s of summaries) {
    servicesOffered += s.servicesOffered;
    for (const [tg, n] of Object.entries(s.byTargetGroup) as Array<[TargetGroup, bigint]>)
      byTargetGroup[tg] = (byTargetGroup[tg] ?? 0n) + n;
    for (const c of CHANNELS) volumes[c] = addNullable(volumes[c], s.volumes[c]);
    s.providers.forEach((p) => providers.add(p));
    rows += s.rows;
    rowsWithData += s.rowsWithData;
  }
  return { servicesOffered, byTargetGroup, providers: [...providers].sort(), volumes, rows, rowsWithData };
}

export interface CountsFigureJson {
  servicesOffered: Exact;
  providers: number;
  byTargetGroup: Partial<Record<TargetGroup, Exact>>;
  volumes: Record<Channel | 'total', Exact | null> & { rows: number; rowsWithData: number };
  digitalShare: number | null;
}

export function figureJson(s: CountsSummary): CountsFigureJson {
  const total = CHANNELS.reduce<bigint | null>((acc, c) => addNullable(acc, s.volumes[c]), null);
  const byTargetGroup: Partial<Record<TargetGroup, Exact>> = {};
  for (const tg of TARGET_GROUPS) {
    const n = s.byTargetGroup[tg];
    if (n !== undefined) byTargetGroup[tg] = exactJson(n);
  }
  const v = (c: Channel) => (s.volumes[c] === null ? null : exactJson(s.volumes[c]!));
  return {
    servicesOffered: exactJson(s.servicesOffered),
    providers: s.providers.length,
    byTargetGroup,
    volumes: {
      click: v('click'),
      call: v('call'),
      connect: v('connect'),
      other: v('other'),
      total: total === null ? null : exactJson(total),
      rows: s.rows,
      rowsWithData: s.rowsWithData,
    },
    // Σclick ÷ Σ all channels over the rows with data; no click data at all is not a 0 share.
    digitalShare: total === null || s.volumes.click === null ? null : ratio(s.volumes.click, total),
  };
}

/** Stored form of a summary (BigInt as decimal strings). */
export interface StoredCountsSummary {
  servicesOffered: string;
  byTargetGroup: Partial<Record<TargetGroup, string>>;
  providers: string[];
  volumes: Record<Channel, string | null>;
  rows: number;
  rowsWithData: number;
}

export function storeSummary(s: CountsSummary): StoredCountsSummary {
  const byTargetGroup: Partial<Record<TargetGroup, string>> = {};
  for (const [tg, n] of Object.entries(s.byTargetGroup) as Array<[TargetGroup, bigint]>) byTargetGroup[tg] = n.toString();
  const volumes = {} as Record<Channel, string | null>;
  for (const c of CHANNELS) volumes[c] = s.volumes[c] === null ? null : s.volumes[c]!.toString();
  return {
    servicesOffered: s.servicesOffered.toString(),
    byTargetGroup,
    providers: s.providers,
    volumes,
    rows: s.rows,
    rowsWithData: s.rowsWithData,
  };
}

export function loadSummary(s: StoredCountsSummary): CountsSummary {
  const byTargetGroup: Partial<Record<TargetGroup, bigint>> = {};
  for (const [tg, n] of Object.entries(s.byTargetGroup) as Array<[TargetGroup, string]>) byTargetGroup[tg] = BigInt(n);
  const volumes = {} as Record<Channel, bigint | null>;
  for (const c of CHANNELS) volumes[c] = s.volumes[c] === null ? null : BigInt(s.volumes[c]!);
  return {
    servicesOffered: BigInt(s.servicesOffered),
    byTargetGroup,
    providers: s.providers,
    volumes,
    rows: s.rows,
    rowsWithData: s.rowsWithData,
  };
}
