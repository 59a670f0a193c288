// GET /v1/indicators?period=… — an adapter of the indicator overview.
import type { Logger } from '@aws-lambda-powertools/logger';
import * as z from 'zod';
import { periodSchema } from '../../shared/domain/periods.js';
import { zodProblems } from '../../shared/domain/problems.js';
import type { EloketRegistry } from '../../shared/adapters/eloket-registry.js';
import { guardedHttpFunction, type GuardDeps } from '../../shared/adapters/http-function.js';
import { HttpError, json } from '../../shared/adapters/http.js';
import type { ProjectionStore } from '../../shared/adapters/projection-store.js';
import { indicatorOverview } from '../../shared/use-cases/indicator-overview.js';

const querySchema = z.strictObject({ period: periodSchema });

export type GetIndicatorsDeps = GuardDeps & { projections: ProjectionStore; eloketten: EloketRegistry; logger: Logger };

export function makeGetIndicators(deps: GetIndicatorsDeps) {
  return guardedHttpFunction('getIndicators', deps, async (event) => {
    const query = querySchema.safeParse(event.queryStringParameters ?? {});
    if (!query.success)
      throw new HttpError(422, 'invalid_query', 'name a period: ?period=YYYY, YYYY-Qn or YYYY-MM', zodProblems(query.error));
    return json(200, await indicatorOverview(deps, query.data.period));
  });
}
