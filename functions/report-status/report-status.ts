// GET /v1/reports/{reportId} — an adapter of readReportStatus: the committee
// asks what became of a report it requested.
import type { Logger } from '@aws-lambda-powertools/logger';
import { guardedHttpFunction, type GuardDeps } from '../../shared/adapters/http-function.js';
import { header, json, type HttpEvent } from '../../shared/adapters/http.js';
import type { ProjectionStore } from '../../shared/adapters/projection-store.js';
import type { SubmissionStore } from '../../shared/adapters/submission-store.js';
import type { ReportBases } from '../../shared/domain/report-request.js';
import { readReportStatus } from '../../shared/use-cases/report-status.js';

export type ReportStatusDeps = GuardDeps & {
  submissions: Pick<SubmissionStore, 'reportRequested'>;
  projections: Pick<ProjectionStore, 'reportOutcome'>;
  /** where the public reports are read (CloudFront in AWS); unset: the API's own /reports/, as locally */
  publicReportsUrl?: string;
  logger: Logger;
};

/** The committee reads its files on the API's own address; the public files where the public reads them. */
function basesOf(event: HttpEvent, publicReportsUrl: string | undefined): ReportBases {
  // API Gateway is HTTPS only and says so; the local server speaks plain HTTP on loopback.
  const scheme = header(event, 'x-forwarded-proto') ?? 'http';
  const api = `${scheme}://${event.requestContext.domainName}/`;
  const publicReports = publicReportsUrl ? publicReportsUrl.replace(/\/?$/, '/') : `${api}reports/`;
  return { api, publicReports };
}

export function makeReportStatus(deps: ReportStatusDeps) {
  return guardedHttpFunction('reportStatus', deps, async (event) =>
    json(200, await readReportStatus(deps, event.pathParameters?.reportId ?? '', basesOf(event, deps.publicReportsUrl))),
  );
}
