// POST /v1/service-counts — an e-loket operator's report for a period. The
// e-loket comes from the key; a new report for the same e-loket and period
// replaces the earlier one whole (a correction), as a new version.
import type { Logger } from '@aws-lambda-powertools/logger';
import { validateServiceCounts } from '../../shared/domain/service-counts.js';
import { authenticate, requireRole } from '../../shared/adapters/auth.js';
import type { EloketRegistry } from '../../shared/adapters/eloket-registry.js';
import { httpHandler, idempotencyKeyOf, HttpError, json, readJsonBody } from '../../shared/adapters/http.js';
import type { KeyStore } from '../../shared/adapters/key-store.js';
import type { RateLimiter } from '../../shared/adapters/rate-limiter.js';
import { hashRequest, type SubmissionStore } from '../../shared/adapters/submission-store.js';

export interface IngestServiceCountsDeps {
  keys: KeyStore;
  limiter: RateLimiter;
  submissions: SubmissionStore;
  eloketten: EloketRegistry;
  logger: Logger;
  now: () => Date;
  newId: () => string;
}

export function makeIngestServiceCounts(deps: IngestServiceCountsDeps) {
  return httpHandler(deps.logger, async (event) => {
    const principal = await authenticate(event, deps.keys, deps.limiter);
    requireRole(principal, 'eloket-operator');
    const body = readJsonBody(event);
    const idempotencyKey = idempotencyKeyOf(event);
    const claimed = (body as { eloket?: unknown } | null)?.eloket;
    if (principal.role === 'eloket-operator' && claimed !== undefined && claimed !== principal.eloketId) {
      throw new HttpError(403, 'forbidden', `this key may only report for e-loket ${principal.eloketId ?? '(none)'}`, [
        { path: 'eloket', message: 'not the e-loket of this key' },
      ]);
    }
    const known = new Set((await deps.eloketten.list()).map((e) => e.id));
    const validation = validateServiceCounts(body, (id) => known.has(id));
    if (!validation.ok) {
      if (validation.tooMany) throw new HttpError(413, 'too_many_rows', validation.problems[0]!.message, validation.problems);
      throw new HttpError(422, 'invalid_service_counts', `the report has ${validation.problems.length} problem(s)`, validation.problems);
    }
    const eloket = principal.role === 'eloket-operator' ? principal.eloketId : validation.value.eloket;
    if (!eloket)
      throw new HttpError(422, 'invalid_service_counts', 'name the e-loket', [{ path: 'eloket', message: 'required with an admin key' }]);
    if (!known.has(eloket))
      throw new HttpError(422, 'invalid_service_counts', `unknown e-loket "${eloket}"`, [
        { path: 'eloket', message: `unknown e-loket "${eloket}"` },
      ]);

    const submittedAt = deps.now().toISOString();
    const reportId = deps.newId();
    const eventId = deps.newId();
    const outcome = await deps.submissions.putServiceCounts((version) => ({
      event: {
        metadata: { eventId, type: 'ServiceCountsReported', version: 1, occurredAt: submittedAt },
        payload: { reportId, version, eloket, period: validation.value.period, submittedAt, counts: validation.value.counts },
      },
      ...(idempotencyKey === undefined
        ? {}
        : {
            idempotency: {
              scope: `eloket:${eloket}`,
              key: idempotencyKey,
              requestHash: hashRequest(body),
              response: { reportId, version },
            },
          }),
    }));
    if (outcome.kind === 'replay') return json(200, outcome.response);
    if (outcome.kind === 'key-reused') {
      throw new HttpError(422, 'idempotency_key_reused', 'this Idempotency-Key was used with another body', [
        { path: 'Idempotency-Key', message: 'already used with a different request body' },
      ]);
    }
    deps.logger.info('service counts stored', {
      eloket,
      period: validation.value.period,
      version: outcome.version,
      rows: validation.value.counts.length,
    });
    return json(201, { reportId, version: outcome.version });
  });
}
