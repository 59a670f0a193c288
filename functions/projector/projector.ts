// Stream consumer: each stored submission's record is decoded into its event
// and handed to the projection use case; a failing record is reported on its
// own (partial batch response) so the mapping retries, bisects and finally
// dead-letters only what fails.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { streamImageToEvent } from '../../shared/adapters/submission-items.js';
import { projectEvent, type ProjectDeps } from '../../shared/use-cases/project.js';

export type ProjectorDeps = ProjectDeps & { logger: Logger };

export function makeProjector(deps: ProjectorDeps) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);

  async function onRecord(record: DynamoDBRecord): Promise<void> {
    const image = record.dynamodb?.NewImage;
    if (!image) return; // removals carry nothing to project
    const done = await projectEvent(deps, streamImageToEvent(image as Record<string, AttributeValue>));
    if (done) deps.logger.debug('projected', done);
  }

  return middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(injectLambdaContext(deps.logger))
    .handler(async (event, context) => processPartialResponse(event, onRecord, processor, { context }));
}
