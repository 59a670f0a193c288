// The measures of an assessment, checked against the indicator catalog
// version it names (by default the one in force today): every indicator id
// known in that version, every value on its indicator's scale, each problem
// named with its path.
import type { Problem } from '../problems.js';
import { catalogAsOf, catalogVersion, type IndicatorCatalog } from './catalogs.js';
import { valueProblem } from './indicator.js';

export const MAX_MEASURES = 100;

export interface MeasuresCheck {
  problems: Problem[];
  /** the version the measures belong to (given, or the one in force today); absent when it is unknown */
  version?: string;
}

export function checkMeasures(body: unknown, context: { today: string; indicatorCatalogs: readonly IndicatorCatalog[] }): MeasuresCheck {
  if (typeof body !== 'object' || body === null) return { problems: [] };
  const { indicatorCatalogVersion: given, measures } = body as { indicatorCatalogVersion?: unknown; measures?: unknown };
  const catalogs = context.indicatorCatalogs;
  if (given !== undefined && typeof given !== 'string') return { problems: [] };
  const catalog = given === undefined ? catalogAsOf(catalogs, context.today) : catalogVersion(catalogs, given);
  if (!catalog) {
    const known = catalogs.map((c) => c.version).join(', ');
    return { problems: [{ path: 'indicatorCatalogVersion', message: `unknown indicator catalog version "${given}" (known: ${known})` }] };
  }
  if (typeof measures !== 'object' || measures === null || Array.isArray(measures)) return { problems: [], version: catalog.version };
  const entries = Object.entries(measures as Record<string, unknown>);
  if (entries.length > MAX_MEASURES)
    return { problems: [{ path: 'measures', message: `at most ${MAX_MEASURES} measures` }], version: catalog.version };
  const problems: Problem[] = [];
  for (const [id, value] of entries) {
    const indicator = catalog.indicators.find((i) => i.id === id);
    if (!indicator) {
      const later = catalogs.find((c) => c.version > catalog.version && c.indicators.some((i) => i.id === id));
      problems.push({
        path: `measures.${id}`,
        message: `unknown indicator ${id} in indicator catalog ${catalog.version}${later ? `; it is in version ${later.version}: name that version in indicatorCatalogVersion` : ''}`,
      });
      continue;
    }
    const problem = valueProblem(indicator, value);
    if (problem) problems.push({ path: `measures.${id}`, message: `${problem} (indicator catalog ${catalog.version})` });
  }
  return { problems, version: catalog.version };
}
