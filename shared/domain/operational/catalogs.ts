// The versions of the operational-indicator catalog. The first is part of the
// code (like the criteria catalog); the committee adds later ones with
// `npm run dds -- indicators import`. A published version never changes, and
// each later version holds every indicator of the one before it, unchanged:
// so a value recorded under any version means the same under every later one,
// and an assessment keeps its meaning whatever is added after it.
import * as z from 'zod';
import { isoDateSchema } from '../vocabulary.js';
import { catalog2026_10 } from './catalog-2026-10.js';
import { indicatorSchema, type Indicator } from './indicator.js';

/** A version is the month (or day) it was agreed: 2026-10, 2027-03-15; later versions sort after earlier ones. */
export const indicatorCatalogVersionSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'a catalog version is YYYY-MM or YYYY-MM-DD');

export const indicatorCatalogSchema = z.strictObject({
  version: indicatorCatalogVersionSchema,
  /** the day it was published: reports of periods that ended before it do not use it */
  publishedOn: isoDateSchema,
  indicators: z.array(indicatorSchema).min(1).max(100),
});

export interface IndicatorCatalog {
  version: string;
  publishedOn: string;
  indicators: readonly Indicator[];
}

export const FIRST_INDICATOR_CATALOG: IndicatorCatalog = catalog2026_10;

const byVersion = (a: IndicatorCatalog, b: IndicatorCatalog) => a.version.localeCompare(b.version);

/** Every version, oldest first: the first one from the code, the rest as stored (a stored copy of the first is ignored). */
export function allCatalogs(stored: readonly IndicatorCatalog[] = []): IndicatorCatalog[] {
  return [FIRST_INDICATOR_CATALOG, ...stored.filter((c) => c.version !== FIRST_INDICATOR_CATALOG.version)].sort(byVersion);
}

export const catalogVersion = (catalogs: readonly IndicatorCatalog[], version: string): IndicatorCatalog | undefined =>
  catalogs.find((c) => c.version === version);

/** The version in force on a day: the latest published by then (before the first was published, the first). */
export function catalogAsOf(catalogs: readonly IndicatorCatalog[], day: string): IndicatorCatalog {
  const sorted = [...catalogs].sort(byVersion);
  return sorted.filter((c) => c.publishedOn <= day).at(-1) ?? sorted[0] ?? FIRST_INDICATOR_CATALOG;
}

/**
 * The version a period's figures use: the one in force at its end, or a later
 * one that an assessment of the period names (every version holds the ones
 * before it, so the later covers both).
 */
export function catalogForPeriod(
  catalogs: readonly IndicatorCatalog[],
  end: string,
  named: Iterable<string | undefined>,
): IndicatorCatalog {
  let chosen = catalogAsOf(catalogs, end);
  for (const v of named) {
    const c = v === undefined ? undefined : catalogVersion(catalogs, v);
    if (c && c.version > chosen.version) chosen = c;
  }
  return chosen;
}
