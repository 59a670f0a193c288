// POST /v1/assessments — an adapter: read the body, call the use case, answer.
import type { Logger } from '@aws-lambda-powertools/logger';
import { guardedHttpFunction, type GuardDeps } from '../../shared/adapters/http-function.js';
import { idempotencyKeyOf, json, readJsonBody } from '../../shared/adapters/http.js';
import { submitAssessment, type SubmitAssessmentDeps } from '../../shared/use-cases/submit-assessment.js';

export type IngestAssessmentDeps = GuardDeps & SubmitAssessmentDeps & { logger: Logger };

export function makeIngestAssessment(deps: IngestAssessmentDeps) {
  return guardedHttpFunction('ingestAssessment', deps, async (event, caller) => {
    const body = readJsonBody(event);
    const { replayed, result } = await submitAssessment(deps, caller, body, idempotencyKeyOf(event));
    if (replayed) return json(200, result);
    const { organisationId, serviceId } = body as { organisationId: string; serviceId: string };
    deps.logger.info('assessment stored', { assessmentId: result.assessmentId, organisationId, keyId: caller.keyId });
    return json(201, result, { location: `/v1/services/${organisationId}/${serviceId}` });
  });
}
