// The operational-indicator catalog: every version as the public reads it
// (GET /v1/indicator-catalog), and a new version as the committee imports it
// (npm run dds -- indicators import).
import { importCatalog, type ImportOutcome, type ImportRow } from '../domain/operational/catalog-import.js';
import { catalogAsOf } from '../domain/operational/catalogs.js';
import { canonicalJson } from '../domain/canonical-json.js';
import type { IndicatorCatalogs, IndicatorCatalogStore } from '../adapters/indicator-catalog-store.js';

export async function indicatorCatalogDocument(deps: { indicatorCatalogs: IndicatorCatalogs; today: () => string }) {
  const all = await deps.indicatorCatalogs.all();
  return {
    /** the version an assessment uses when it names none */
    currentVersion: catalogAsOf(all, deps.today()).version,
    versions: all.map((c) => ({ indicatorCatalogVersion: c.version, publishedOn: c.publishedOn, indicators: c.indicators })),
  };
}

/**
 * Checks the rows against every stored version and stores the new version, if
 * any. Two imports racing for the same version: the one that loses finds it
 * stored, and is told so unless it held exactly the same.
 */
export async function importIndicatorCatalog(
  deps: { store: IndicatorCatalogStore; today: () => string },
  rows: readonly ImportRow[],
  options: { version?: string | undefined; columns: readonly string[]; dryRun?: boolean },
): Promise<ImportOutcome> {
  const outcome = importCatalog(rows, { stored: await deps.store.list(), today: deps.today(), ...options });
  if (outcome.kind !== 'new' || options.dryRun) return outcome;
  if ((await deps.store.publish(outcome.catalog)) === 'published') return outcome;
  const stored = await deps.store.get(outcome.catalog.version);
  if (stored && canonicalJson(stored.indicators) === canonicalJson(outcome.catalog.indicators))
    return { kind: 'unchanged', catalog: stored };
  return {
    kind: 'refused',
    problems: [{ message: `version ${outcome.catalog.version} was published meanwhile, with other indicators: import again to add to it` }],
  };
}
