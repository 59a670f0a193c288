// Somebody asks for a period's reports: the request is stored as a
// ReportRequested event, and the table's stream hands it to the publisher.
import { reportIdFor, reportRequestSchema } from '../domain/report-request.js';
import { zodProblems } from '../domain/problems.js';
import type { SubmissionStore } from '../adapters/submission-store.js';
import { assertEnded } from './period-ended.js';
import { Refusal } from './refusal.js';

export async function requestReport(
  deps: { submissions: SubmissionStore; now: () => Date; today: () => string; newId: () => string },
  body: unknown,
  requestedBy: 'api' | 'cli' | 'schedule',
): Promise<{ reportId: string; period: string }> {
  const parsed = reportRequestSchema.safeParse(body);
  if (!parsed.success) throw new Refusal('invalid', 'invalid_request', 'the report request is not valid', zodProblems(parsed.error));
  // Only a period that has ended: a report is a function of what is dated by its end.
  assertEnded(parsed.data.period, deps.today());
  const reportId = reportIdFor(parsed.data.period, deps.newId());
  await deps.submissions.putReportRequest({
    metadata: { eventId: deps.newId(), type: 'ReportRequested', version: 1, occurredAt: deps.now().toISOString() },
    payload: { reportId, period: parsed.data.period, requestedBy },
  });
  return { reportId, period: parsed.data.period };
}
