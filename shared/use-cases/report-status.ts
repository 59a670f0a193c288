// What became of a report request (GET /v1/reports/{reportId}), and the
// publisher's record of a failure, so that the status can say why.
import { periodOfReportId, reportStatusOf, type ReportBases, type ReportStatus } from '../domain/report-request.js';
import type { ProjectionStore } from '../adapters/projection-store.js';
import type { SubmissionStore } from '../adapters/submission-store.js';
import { Refusal } from './refusal.js';

const unknownReport = (reportId: string) =>
  new Refusal('not_found', 'not_found', `no report ${reportId}: use the reportId that POST /v1/reports answered (e.g. 2026-Q3.5b0e…)`);

export async function readReportStatus(
  deps: { submissions: Pick<SubmissionStore, 'reportRequested'>; projections: Pick<ProjectionStore, 'reportOutcome'> },
  reportId: string,
  bases: ReportBases,
): Promise<ReportStatus> {
  const period = periodOfReportId(reportId);
  if (!period) throw unknownReport(reportId);
  // The outcome when there is one; else the request itself says it is pending (read consistently: at once after the POST).
  const [outcome, requested] = await Promise.all([
    deps.projections.reportOutcome(reportId),
    deps.submissions.reportRequested(period, reportId),
  ]);
  if (!outcome && !requested) throw unknownReport(reportId);
  return reportStatusOf(reportId, period, outcome, bases);
}

/** A failed attempt to publish, recorded for the status; a refusal fails at once, anything else once the trigger stops retrying. */
export async function recordReportFailure(
  deps: { projections: Pick<ProjectionStore, 'recordReportFailure'>; now: () => Date },
  failure: { reportId: string; period: string; error: unknown; refused: boolean; attemptsAllowed: number },
): Promise<void> {
  const reason = failure.error instanceof Error ? failure.error.message : String(failure.error);
  await deps.projections.recordReportFailure({
    reportId: failure.reportId,
    period: failure.period,
    at: deps.now().toISOString(),
    reason: reason.slice(0, 1000),
    refused: failure.refused,
    attemptsAllowed: failure.attemptsAllowed,
  });
}
