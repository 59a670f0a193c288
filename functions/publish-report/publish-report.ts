// Two triggers, one job: a ReportRequested event from the submissions stream
// (POST /v1/reports) or the monthly schedule, which names its scheduled time.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import * as z from 'zod';
import { periodsEndedBy } from '../../shared/domain/periods.js';
import { streamImageToEvent } from '../../shared/adapters/submission-items.js';
import { isEvent } from '../../events/index.js';
import { publishReports, type PublishDeps } from '../../shared/use-cases/publish-reports.js';
import { Refusal } from '../../shared/use-cases/refusal.js';
import { recordReportFailure } from '../../shared/use-cases/report-status.js';
import { functions } from '../../infra/topology.js';

export const scheduledInvocationSchema = z.strictObject({
  source: z.literal('schedule'),
  scheduledTime: z.iso.datetime(),
});
export type ScheduledInvocation = z.infer<typeof scheduledInvocationSchema>;

export interface PublishReportDeps extends PublishDeps {
  logger: Logger;
}

export function makePublishReport(deps: PublishReportDeps) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  // The stream trigger tries a record once and retries it maxRetries times, then gives up (its on-failure queue).
  const attemptsAllowed = 1 + functions.publishReport.stream.maxRetries;

  async function onRecord(record: DynamoDBRecord): Promise<void> {
    const image = record.dynamodb?.NewImage;
    if (!image) return;
    const event = streamImageToEvent(image as Record<string, AttributeValue>);
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
        deps.logger.warn('report request refused', { period, reportId, reason: err.message });
        return null;
      }
      throw err;
    });
    if (!published) return;
    deps.logger.info('reports published', { period, reportId, asOf: published.payload.asOf });
  }

  return middy<DynamoDBStreamEvent | ScheduledInvocation, DynamoDBBatchResponse | { published: string[] }>()
    .use(injectLambdaContext(deps.logger))
    .handler(async (event, context) => {
      if ('Records' in event) return processPartialResponse(event, onRecord, processor, { context });
      const { scheduledTime } = scheduledInvocationSchema.parse(event);
      const periods = periodsEndedBy(new Date(scheduledTime));
      for (const period of periods) await publishReports(deps, period);
      deps.logger.info('scheduled reports published', { periods });
      return { published: periods };
    });
}
