// POST /v1/assessments — an adapter: authenticate, read, scope, validate, store, answer.
import type { Logger } from '@aws-lambda-powertools/logger';
import { acceptAssessment } from '../../shared/domain/accept-assessment.js';
import { validateAssessment } from '../../shared/domain/assessment.js';
import { authenticate, requireRole } from '../../shared/adapters/auth.js';
import { httpHandler, idempotencyKeyOf, HttpError, json, readJsonBody } from '../../shared/adapters/http.js';
import type { KeyStore } from '../../shared/adapters/key-store.js';
import type { RateLimiter } from '../../shared/adapters/rate-limiter.js';
import { hashRequest, type SubmissionStore } from '../../shared/adapters/submission-store.js';

export interface IngestAssessmentDeps {
  keys: KeyStore;
  limiter: RateLimiter;
  submissions: SubmissionStore;
  logger: Logger;
  now: () => Date;
  newId: () => string;
}

export function makeIngestAssessment(deps: IngestAssessmentDeps) {
  return httpHandler(deps.logger, async (event) => {
    const principal = await authenticate(event, deps.keys, deps.limiter);
    requireRole(principal, 'service-provider');
    const body = readJsonBody(event);
    const idempotencyKey = idempotencyKeyOf(event);
    // The organisation comes from the key: a body naming another one is refused outright.
    const claimedOrg = (body as { organisationId?: unknown } | null)?.organisationId;
    if (principal.role === 'service-provider' && typeof claimedOrg === 'string' && claimedOrg !== principal.organisationId) {
      throw new HttpError(403, 'forbidden', `this key may only submit for organisation ${principal.organisationId ?? '(none)'}`, [
        { path: 'organisationId', message: 'not the organisation of this key' },
      ]);
    }
    const validation = validateAssessment(body);
    if (!validation.ok) {
      throw new HttpError(422, 'invalid_assessment', `the assessment has ${validation.problems.length} problem(s)`, validation.problems);
    }
    const submittedAt = deps.now().toISOString();
    const { event: submitted, result } = acceptAssessment(validation.value, {
      assessmentId: deps.newId(),
      eventId: deps.newId(),
      submittedAt,
    });
    const outcome = await deps.submissions.putAssessment(
      submitted,
      idempotencyKey === undefined
        ? undefined
        : { scope: validation.value.organisationId, key: idempotencyKey, requestHash: hashRequest(body), response: result },
    );
    if (outcome.kind === 'replay') return json(200, outcome.response);
    if (outcome.kind === 'key-reused') {
      throw new HttpError(422, 'idempotency_key_reused', 'this Idempotency-Key was used with another body', [
        { path: 'Idempotency-Key', message: 'already used with a different request body' },
      ]);
    }
    deps.logger.info('assessment stored', {
      assessmentId: result.assessmentId,
      organisationId: validation.value.organisationId,
      keyId: principal.keyId,
    });
    return json(201, result, { location: `/v1/services/${validation.value.organisationId}/${validation.value.serviceId}` });
  });
}
