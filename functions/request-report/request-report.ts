// POST /v1/reports — the committee asks for a period's reports. The request is
// stored as a ReportRequested event; the table's stream hands it to publishReport.
import type { Logger } from '@aws-lambda-powertools/logger';
import { zodProblems } from '../../shared/domain/problems.js';
import { authenticate, requireRole } from '../../shared/adapters/auth.js';
import { httpHandler, HttpError, json, readJsonBody } from '../../shared/adapters/http.js';
import type { KeyStore } from '../../shared/adapters/key-store.js';
import type { RateLimiter } from '../../shared/adapters/rate-limiter.js';
import type { SubmissionStore } from '../../shared/adapters/submission-store.js';

import { reportRequestSchema } from '../../shared/domain/report-request.js';

export interface RequestReportDeps {
  keys: KeyStore;
  limiter: RateLimiter;
  submissions: SubmissionStore;
  logger: Logger;
  now: () => Date;
  newId: () => string;
}

export function makeRequestReport(deps: RequestReportDeps) {
  return httpHandler(deps.logger, async (event) => {
    const principal = await authenticate(event, deps.keys, deps.limiter);
    requireRole(principal, 'steering-committee');
    const parsed = reportRequestSchema.safeParse(readJsonBody(event));
    if (!parsed.success) throw new HttpError(422, 'invalid_request', 'the report request is not valid', zodProblems(parsed.error));
    const reportId = deps.newId();
    await deps.submissions.putReportRequest({
      metadata: { eventId: deps.newId(), type: 'ReportRequested', version: 1, occurredAt: deps.now().toISOString() },
      payload: { reportId, period: parsed.data.period, requestedBy: 'api' },
    });
    return json(202, { reportId, period: parsed.data.period });
  });
}
