// GET /v1/services/{organisationId}/{serviceId} — an adapter of readService.
import type { Logger } from '@aws-lambda-powertools/logger';
import { guardedHttpFunction, type GuardDeps } from '../../shared/adapters/http-function.js';
import { json } from '../../shared/adapters/http.js';
import { readService, type ReadServiceDeps } from '../../shared/use-cases/read-service.js';

export type GetServiceDeps = GuardDeps & ReadServiceDeps & { logger: Logger };

export function makeGetService(deps: GetServiceDeps) {
  return guardedHttpFunction('getService', deps, async (event, caller) =>
    json(200, await readService(deps, caller, event.pathParameters?.organisationId ?? '', event.pathParameters?.serviceId ?? '')),
  );
}
