// POST /v1/service-counts — an adapter: read the body, call the use case, answer.
import type { Logger } from '@aws-lambda-powertools/logger';
import { guardedHttpFunction, type GuardDeps } from '../../shared/adapters/http-function.js';
import { idempotencyKeyOf, json, readJsonBody } from '../../shared/adapters/http.js';
import { reportServiceCounts, type ReportServiceCountsDeps } from '../../shared/use-cases/report-service-counts.js';

export type IngestServiceCountsDeps = GuardDeps & ReportServiceCountsDeps & { logger: Logger };

export function makeIngestServiceCounts(deps: IngestServiceCountsDeps) {
  return guardedHttpFunction('ingestServiceCounts', deps, async (event, caller) => {
    const { outcome, result, eloket, period, rows } = await reportServiceCounts(deps, caller, readJsonBody(event), idempotencyKeyOf(event));
    // A replay, or the same content as the current version, stores nothing new.
    if (outcome !== 'stored') return json(200, result);
    deps.logger.info('service counts stored', { eloket, period, version: result.version, rows });
    return json(201, result);
  });
}
