// GET /v1/indicators?period=… — the committee's overview, read from the projections.
import type { Logger } from '@aws-lambda-powertools/logger';
import { z } from 'zod';
import { buildIndicatorOverview } from '../../shared/domain/indicators.js';
import { periodSchema } from '../../shared/domain/periods.js';
import { zodProblems } from '../../shared/domain/problems.js';
import { authenticate, requireRole } from '../../shared/adapters/auth.js';
import type { EloketRegistry } from '../../shared/adapters/eloket-registry.js';
import { httpHandler, HttpError, json } from '../../shared/adapters/http.js';
import type { KeyStore } from '../../shared/adapters/key-store.js';
import type { RateLimiter } from '../../shared/adapters/rate-limiter.js';
import type { ProjectionStore } from '../../shared/adapters/projection-store.js';

const querySchema = z.strictObject({ period: periodSchema });

export interface GetIndicatorsDeps {
  keys: KeyStore;
  limiter: RateLimiter;
  projections: ProjectionStore;
  eloketten: EloketRegistry;
  logger: Logger;
}

export async function indicatorOverview(deps: Pick<GetIndicatorsDeps, 'projections' | 'eloketten'>, period: string) {
  const year = period.slice(0, 4);
  const eloketten = await Promise.all(
    (await deps.eloketten.list()).map(async (e) => ({
      eloket: e.id,
      reported: new Map((await deps.projections.listCounts(e.id, year)).map((c) => [c.period, c])),
    })),
  );
  return buildIndicatorOverview(period, eloketten, await deps.projections.listServices());
}

export function makeGetIndicators(deps: GetIndicatorsDeps) {
  return httpHandler(deps.logger, async (event) => {
    const principal = await authenticate(event, deps.keys, deps.limiter);
    requireRole(principal, 'steering-committee');
    const query = querySchema.safeParse(event.queryStringParameters ?? {});
    if (!query.success)
      throw new HttpError(422, 'invalid_query', 'name a period: ?period=YYYY, YYYY-Qn or YYYY-MM', zodProblems(query.error));
    return json(200, await indicatorOverview(deps, query.data.period));
  });
}
