// Two triggers, one job: a ReportRequested event from the submissions stream
// (POST /v1/reports, logged with the correlation id of that request) or the
// monthly schedule, which names its scheduled time.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import * as z from 'zod';
import { periodsEndedBy } from '../../shared/domain/periods.js';
import { isEvent } from '../../events/index.js';
import { METRIC } from '../../shared/adapters/metrics.js';
import { recordHandler, recordLogKeys, streamBatch, type StreamConsumerDeps } from '../../shared/adapters/stream-consumer.js';
import { publishReports, type PublishDeps } from '../../shared/use-cases/publish-reports.js';
import { Refusal } from '../../shared/use-cases/refusal.js';
import { recordReportFailure } from '../../shared/use-cases/report-status.js';
import { functions } from '../../infra/topology.js';

export const scheduledInvocationSchema = z.strictObject({
  source: z.literal('schedule'),
  scheduledTime: z.iso.datetime(),
});
export type ScheduledInvocation = z.infer<typeof scheduledInvocationSchema>;

export type PublishReportDeps = PublishDeps & StreamConsumerDeps;

export function makePublishReport(deps: PublishReportDeps) {
  // The stream trigger tries a record once and retries it maxRetries times, then gives up (its on-failure queue).
  const attemptsAllowed = 1 + functions.publishReport.stream.maxRetries;
  const onRecord = recordHandler('publishReport', deps, async (event, record) => {
    if (!isEvent(event, 'ReportRequested')) return;
    const { period, reportId } = event.payload;
    const published = await publishReports(deps, period, reportId).catch(async (err: unknown) => {
      // A request refused today (a period that has not ended) stays refused: retrying cannot help.
      const refused = err instanceof Refusal;
      // Recorded for GET /v1/reports/{reportId}; a record that cannot be written must not hide the failure itself.
      await recordReportFailure(deps, { reportId, period, error: err, refused, attemptsAllowed }).catch((recordErr: unknown) =>
        deps.logger.error('could not record the failure of a report', { period, reportId, error: String(recordErr) }),
      );
      if (err instanceof Refusal) {
        deps.logger.warn('report request refused', { ...recordLogKeys(record), period, reportId, reason: err.message });
        return null;
      }
      throw err;
    });
    if (!published) return;
    deps.metrics.count(METRIC.reportPublished);
    deps.logger.info('reports published', { ...recordLogKeys(record), period, reportId, asOf: published.payload.asOf });
  });
  const batch = streamBatch(deps, onRecord);

  async function scheduled(invocation: unknown, context: Context): Promise<{ published: string[] }> {
    const { scheduledTime } = scheduledInvocationSchema.parse(invocation);
    // No request stands behind a schedule: its run is named by the invocation.
    const correlation = { correlation_id: `schedule-${scheduledTime}`, awsRequestId: context.awsRequestId };
    const periods = periodsEndedBy(new Date(scheduledTime));
    try {
      for (const period of periods) {
        await publishReports(deps, period);
        deps.metrics.count(METRIC.reportPublished);
      }
    } finally {
      deps.metrics.flush();
    }
    deps.logger.info('scheduled reports published', { ...correlation, periods });
    return { published: periods };
  }

  return middy<DynamoDBStreamEvent | ScheduledInvocation, DynamoDBBatchResponse | { published: string[] }>()
    .use(injectLambdaContext(deps.logger, { resetKeys: true }))
    .handler(async (event, context) => ('Records' in event ? batch(event, context) : scheduled(event, context)));
}
