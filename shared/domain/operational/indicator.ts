// An operational indicator (seed §5.1.6 action 13, §5.2 action 16): the
// concrete, measurable translation of the criteria that lets services be
// compared. Three kinds: a `count` where fewer is better (process steps), a
// `yesno` where yes is better, and an ordered `level` scale whose better end
// the indicator names (a simpler language level is lower, a WCAG level higher).
import * as z from 'zod';
import { catalogFor } from '../catalog.js';
import { text } from '../text.js';

/** The criteria catalog an indicator's criteria are taken from. */
export const CRITERIA_CATALOG_VERSION = '2022-07';

export const indicatorIdSchema = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]{0,63}$/, 'an indicator id is a letter then letters and digits (camelCase), at most 64');
const levelSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9+._-]{0,15}$/, 'a level is 1–16 letters, digits, "+", ".", "_" or "-"');

const common = {
  id: indicatorIdSchema,
  /** the Dutch name, as reports and the service view show it */
  label: text({ min: 1, max: 120 }),
  /** the criteria of the criteria catalog the indicator informs */
  criteria: z.array(z.string().max(16)).min(1).max(52),
  /** the Dutch words for a good value in the public report ("notificaties aanwezig") */
  goodLabel: text({ min: 1, max: 120 }).optional(),
};

export const indicatorSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...common,
    kind: z.literal('count'),
    min: z.int().min(0).max(1_000_000),
    max: z.int().min(0).max(1_000_000),
    /** a good value is at most this */
    good: z.int().min(0).max(1_000_000).optional(),
  }),
  z.strictObject({ ...common, kind: z.literal('yesno') }),
  z.strictObject({
    ...common,
    kind: z.literal('level'),
    /** the levels in their natural order, lowest first */
    scale: z.array(levelSchema).min(2).max(12),
    better: z.enum(['lower', 'higher']),
    /** a good value is this level or a better one */
    good: levelSchema.optional(),
  }),
]);

export type Indicator = z.infer<typeof indicatorSchema>;
export type IndicatorKind = Indicator['kind'];
export type CountIndicator = Extract<Indicator, { kind: 'count' }>;
export type LevelIndicator = Extract<Indicator, { kind: 'level' }>;
export type MeasureValue = number | boolean | string;

/** What is wrong with an indicator beyond its shape: its scale, its good value, its criteria. */
export function indicatorProblems(i: Indicator): string[] {
  const problems: string[] = [];
  const known = new Set(catalogFor(CRITERIA_CATALOG_VERSION)!.criteria.map((c) => c.id));
  const unknown = i.criteria.filter((c) => !known.has(c));
  if (unknown.length > 0)
    problems.push(
      `unknown criteri${unknown.length === 1 ? 'on' : 'a'} ${unknown.join(', ')} (criteria catalog ${CRITERIA_CATALOG_VERSION})`,
    );
  const repeated = i.criteria.filter((c, n) => i.criteria.indexOf(c) !== n);
  if (repeated.length > 0) problems.push(`criterion ${repeated.join(', ')} is named more than once`);
  if (i.kind === 'count') {
    if (i.min >= i.max) problems.push(`the scale ${i.min}-${i.max} is empty: write it as lowest-highest, e.g. 1-1000`);
    if (i.good !== undefined && (i.good < i.min || i.good > i.max))
      problems.push(`good value ${i.good} lies outside the scale ${i.min}-${i.max}`);
  }
  if (i.kind === 'level') {
    const twice = i.scale.filter((l, n) => i.scale.indexOf(l) !== n);
    if (twice.length > 0) problems.push(`level ${twice.join(', ')} is on the scale more than once`);
    if (i.good !== undefined && !i.scale.includes(i.good)) problems.push(`good value ${i.good} is not on the scale ${i.scale.join('|')}`);
  }
  return problems;
}

/** Why `value` is not a value of the indicator, or null when it is. */
export function valueProblem(i: Indicator, value: unknown): string | null {
  switch (i.kind) {
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= i.min && value <= i.max
        ? null
        : `${i.id} is a whole number from ${i.min} to ${i.max}`;
    case 'yesno':
      return typeof value === 'boolean' ? null : `${i.id} is true or false`;
    case 'level':
      return typeof value === 'string' && i.scale.includes(value) ? null : `${i.id} is one of ${i.scale.join(', ')}`;
  }
}

/**
 * How much worse `a` is than `b` on the indicator, in its own unit: steps for
 * a count, levels for a level scale, 1 for no against yes. Positive: worse;
 * negative: better; 0: as good.
 */
export function worseBy(i: Indicator, a: MeasureValue, b: MeasureValue): number {
  if (i.kind === 'count') return Number(a) - Number(b);
  if (i.kind === 'yesno') return Number(b) - Number(a);
  const diff = i.scale.indexOf(String(a)) - i.scale.indexOf(String(b));
  return i.better === 'lower' ? diff : -diff;
}

/** Whether a value is good; null when the indicator has no good value. */
export function isGood(i: Indicator, value: MeasureValue): boolean | null {
  if (i.kind === 'yesno') return value === true;
  if (i.good === undefined) return null;
  return worseBy(i, value, i.good) <= 0;
}

export const hasGoodValue = (i: Indicator): boolean => i.kind === 'yesno' || i.good !== undefined;

/** The Dutch words for a good value: the indicator's own, or made from its label. */
export function goodLabelOf(i: Indicator): string {
  if (i.goodLabel) return i.goodLabel;
  if (i.kind === 'yesno') return `${i.label}: ja`;
  if (i.kind === 'count') return `${i.label}: hoogstens ${i.good ?? i.max}`;
  return `${i.label}: ${i.good ?? i.scale.at(i.better === 'lower' ? 0 : -1)} of beter`;
}

// Made on first use: a process's first Intl formatter loads ICU's data, which
// functions that never show a value (ingest) would pay at every cold start.
let number: Intl.NumberFormat | undefined;
const numberFormat = (): Intl.NumberFormat => (number ??= new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 2 }));

/** A value as a reader reads it: ja/nee, a number, a level ("geen" for none). */
export function valueText(value: MeasureValue | null | undefined): string {
  if (value === null || value === undefined) return 'geen gegevens';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (value === 'none') return 'geen';
  return typeof value === 'number' ? numberFormat().format(value) : value;
}
