// Daily, on a schedule: counts the periods whose reports should have been
// published by the 2nd of the month and were not (metric ReportsMissing, 0
// when all is well; the ReportNotPublished alarm watches it) and names them in
// the log. A check of its own rather than an alarm on the absence of the
// publisher's metric: reports come monthly, on demand too, and an absence
// alarm cannot look back a month nor say which period is late.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import * as z from 'zod';
import { METRIC, type MetricsSink } from '../../shared/adapters/metrics.js';
import { brusselsDate } from '../../shared/domain/today.js';
import { missingReports } from '../../shared/use-cases/missing-reports.js';
import type { ProjectionStore } from '../../shared/adapters/projection-store.js';

const invocationSchema = z.strictObject({ source: z.literal('schedule'), scheduledTime: z.iso.datetime() });

export interface ReportWatchDeps {
  projections: Pick<ProjectionStore, 'publishedReport'>;
  logger: Logger;
  metrics: MetricsSink;
}

export function makeReportWatch(deps: ReportWatchDeps) {
  return middy<unknown, { today: string; missing: string[] }>()
    .use(injectLambdaContext(deps.logger, { resetKeys: true }))
    .handler(async (invocation) => {
      const { scheduledTime } = invocationSchema.parse(invocation);
      const today = brusselsDate(new Date(scheduledTime));
      const missing = await missingReports(deps, today);
      deps.metrics.count(METRIC.reportsMissing, missing.length);
      deps.metrics.flush();
      if (missing.length > 0) deps.logger.error('reports not published', { correlation_id: `schedule-${scheduledTime}`, today, missing });
      else deps.logger.info('every report due is published', { correlation_id: `schedule-${scheduledTime}`, today });
      return { today, missing };
    });
}
