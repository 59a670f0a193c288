// POST /v1/feedback — an adapter: a provider's feedback aggregates for a period.
import type { Logger } from '@aws-lambda-powertools/logger';
import { guardedHttpFunction, type GuardDeps } from '../../shared/adapters/http-function.js';
import { json, readJsonBody } from '../../shared/adapters/http.js';
import { reportFeedback, type ReportFeedbackDeps } from '../../shared/use-cases/report-feedback.js';

export type ReportFeedbackHttpDeps = GuardDeps & ReportFeedbackDeps & { logger: Logger };

export function makeReportFeedback(deps: ReportFeedbackHttpDeps) {
  return guardedHttpFunction('reportFeedback', deps, async (event, caller) => {
    const { reportId, version, ...facts } = await reportFeedback(deps, caller, readJsonBody(event));
    deps.logger.info('feedback report stored', { reportId, version, ...facts });
    return json(201, { reportId, version });
  });
}
