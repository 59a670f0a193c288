// Stream consumer: each stored submission's record is decoded into its event
// and handed to the projection use case, under the correlation id of the
// request that stored it; a failing record is reported on its own (partial
// batch response) so the mapping retries, bisects and finally dead-letters
// only what fails.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { METRIC } from '../../shared/adapters/metrics.js';
import { recordHandler, recordLogKeys, streamBatch, type StreamConsumerDeps } from '../../shared/adapters/stream-consumer.js';
import { projectEvent, type ProjectDeps } from '../../shared/use-cases/project.js';

export type ProjectorDeps = ProjectDeps & StreamConsumerDeps;

export function makeProjector(deps: ProjectorDeps) {
  const onRecord = recordHandler('projector', deps, async (event, record) => {
    const done = await projectEvent(deps, event);
    if (!done) return;
    deps.metrics.count(METRIC.projected);
    deps.logger.info('projected', { ...recordLogKeys(record), ...done });
  });
  return middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(injectLambdaContext(deps.logger, { resetKeys: true }))
    .handler(streamBatch(deps, onRecord));
}
