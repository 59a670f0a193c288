// GET /v1/feedback/{organisationId}/{serviceId}?period=… — a service's
// feedback figures and comments for its owner and the committee, as JSON or,
// with Accept: text/csv, as CSV.
import type { Logger } from '@aws-lambda-powertools/logger';
import { feedbackCsv } from '../../shared/domain/feedback/feedback-csv.js';
import { guardedHttpFunction, type GuardDeps } from '../../shared/adapters/http-function.js';
import { header, json } from '../../shared/adapters/http.js';
import { readFeedback, type ReadFeedbackDeps } from '../../shared/use-cases/read-feedback.js';

export type GetFeedbackDeps = GuardDeps & ReadFeedbackDeps & { logger: Logger };

export function makeGetFeedback(deps: GetFeedbackDeps) {
  return guardedHttpFunction('getFeedback', deps, async (event, caller) => {
    const view = await readFeedback(
      deps,
      caller,
      event.pathParameters?.organisationId ?? '',
      event.pathParameters?.serviceId ?? '',
      event.queryStringParameters?.period,
    );
    if (/\btext\/csv\b/i.test(header(event, 'accept') ?? '')) {
      return {
        statusCode: 200,
        headers: {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="feedback-${view.organisationId}-${view.serviceId}-${view.period}.csv"`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        },
        body: feedbackCsv(view),
      };
    }
    return json(200, view);
  });
}
