// POST /v1/reports — an adapter of requestReport.
import type { Logger } from '@aws-lambda-powertools/logger';
import { guardedHttpFunction, type GuardDeps } from '../../shared/adapters/http-function.js';
import { json, readJsonBody } from '../../shared/adapters/http.js';
import type { SubmissionStore } from '../../shared/adapters/submission-store.js';
import { requestReport } from '../../shared/use-cases/request-report.js';

export type RequestReportDeps = GuardDeps & {
  submissions: SubmissionStore;
  logger: Logger;
  now: () => Date;
  today: () => string;
  newId: () => string;
};

export function makeRequestReport(deps: RequestReportDeps) {
  return guardedHttpFunction('requestReport', deps, async (event) => json(202, await requestReport(deps, readJsonBody(event), 'api')));
}
