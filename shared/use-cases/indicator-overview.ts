// The committee's indicator overview of a period, from the projections.
import { buildIndicatorOverview, type IndicatorOverview } from '../domain/indicators.js';
import type { EloketRegistry } from '../adapters/eloket-registry.js';
import type { ProjectionStore } from '../adapters/projection-store.js';
import { parsePeriod } from '../domain/periods.js';
import { selectAsOfFromStore } from './period-selection.js';

export async function indicatorOverview(
  deps: { projections: ProjectionStore; eloketten: EloketRegistry },
  period: string,
): Promise<IndicatorOverview> {
  const year = period.slice(0, 4);
  const eloketten = await Promise.all(
    (await deps.eloketten.list()).map(async (e) => ({
      eloket: e.id,
      reported: new Map((await deps.projections.listCounts(e.id, year)).map((c) => [c.period, c])),
    })),
  );
  return buildIndicatorOverview(period, eloketten, await selectAsOfFromStore(deps.projections, parsePeriod(period)!.end));
}
