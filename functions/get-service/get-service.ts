// GET /v1/services/{organisationId}/{serviceId} — read straight from the stored
// submissions (consistent read), so a provider sees its assessment at once.
import type { Logger } from '@aws-lambda-powertools/logger';
import { projectService, serviceView } from '../../shared/domain/service-view.js';
import { organisationIdSchema, slugSchema } from '../../shared/domain/vocabulary.js';
import { authenticate, canReadEverything } from '../../shared/adapters/auth.js';
import { httpHandler, HttpError, json } from '../../shared/adapters/http.js';
import type { KeyStore } from '../../shared/adapters/key-store.js';
import type { RateLimiter } from '../../shared/adapters/rate-limiter.js';
import type { SubmissionStore } from '../../shared/adapters/submission-store.js';

export interface GetServiceDeps {
  keys: KeyStore;
  limiter: RateLimiter;
  submissions: SubmissionStore;
  logger: Logger;
}

export function makeGetService(deps: GetServiceDeps) {
  return httpHandler(deps.logger, async (event) => {
    const principal = await authenticate(event, deps.keys, deps.limiter);
    const organisationId = event.pathParameters?.organisationId ?? '';
    const serviceId = event.pathParameters?.serviceId ?? '';
    if (!canReadEverything(principal) && !(principal.role === 'service-provider' && principal.organisationId === organisationId)) {
      throw new HttpError(403, 'forbidden', 'this key may only read services of its own organisation');
    }
    const problems = [
      ...(organisationIdSchema.safeParse(organisationId).success
        ? []
        : [{ path: 'organisationId', message: 'not a valid organisation id' }]),
      ...(slugSchema.safeParse(serviceId).success ? [] : [{ path: 'serviceId', message: 'not a valid service id' }]),
    ];
    if (problems.length > 0) throw new HttpError(422, 'invalid_path', 'the service path is not valid', problems);
    const projection = projectService(await deps.submissions.listServiceAssessments(organisationId, serviceId));
    if (!projection) throw new HttpError(404, 'not_found', `no assessment of service ${serviceId} of ${organisationId} is known`);
    return json(200, serviceView(projection));
  });
}
