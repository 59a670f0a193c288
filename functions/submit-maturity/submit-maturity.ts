// POST /v1/maturity — an adapter: an organisation's maturity self-scan for a year.
import type { Logger } from '@aws-lambda-powertools/logger';
import { guardedHttpFunction, type GuardDeps } from '../../shared/adapters/http-function.js';
import { json, readJsonBody } from '../../shared/adapters/http.js';
import { submitMaturity, type SubmitMaturityDeps } from '../../shared/use-cases/submit-maturity.js';

export type SubmitMaturityHttpDeps = GuardDeps & SubmitMaturityDeps & { logger: Logger };

export function makeSubmitMaturity(deps: SubmitMaturityHttpDeps) {
  return guardedHttpFunction('submitMaturity', deps, async (event, caller) => {
    const { scanId, organisationId, year } = await submitMaturity(deps, caller, readJsonBody(event));
    deps.logger.info('maturity scan stored', { scanId, organisationId, year });
    return json(201, { scanId });
  });
}
