// Stream consumer: each stored submission's record is decoded into its event
// and handed to the projection use case, under the correlation id of the
// request that stored it; a failing record is reported on its own (partial
// batch response) so the mapping retries, bisects and finally dead-letters
// only what fails. The batch's assessment rows are written together first
// (BatchWriteItem, not one request each); each assessment's record then takes
// its row's outcome, and succeeds or fails on its own like any other.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { AnyEvent } from '../../events/index.js';
import { METRIC } from '../../shared/adapters/metrics.js';
import { recordHandler, recordLogKeys, streamBatch, type StreamConsumerDeps } from '../../shared/adapters/stream-consumer.js';
import { streamImageToEvent } from '../../shared/adapters/submission-items.js';
import { projectEvent, writeAssessmentRows, type ProjectDeps, type RowOutcome } from '../../shared/use-cases/project.js';

export type ProjectorDeps = ProjectDeps & StreamConsumerDeps;

export function makeProjector(deps: ProjectorDeps) {
  // Rows written ahead for the batches in hand, by event id (the local poller may hand over batches of several shards at once).
  const ahead = new Map<string, RowOutcome>();
  const onRecord = recordHandler('projector', deps, async (event, record) => {
    const row = ahead.get(event.metadata.eventId);
    if (row && !row.ok) throw row.error;
    const done = row ? row.projected : await projectEvent(deps, event);
    if (!done) return;
    deps.metrics.count(METRIC.projected);
    deps.logger.info('projected', { ...recordLogKeys(record), ...done });
  });
  const batch = streamBatch(deps, onRecord);
  return middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(injectLambdaContext(deps.logger, { resetKeys: true }))
    .handler(async (event, context) => {
      const events: AnyEvent[] = [];
      for (const record of event.Records) {
        const image = record.dynamodb?.NewImage;
        if (!image) continue;
        try {
          events.push(streamImageToEvent(image as Record<string, AttributeValue>));
        } catch {
          // Not decodable: its own record fails below, named, counted and noted.
        }
      }
      const written = await writeAssessmentRows(deps, events);
      for (const [eventId, outcome] of written) ahead.set(eventId, outcome);
      try {
        return await batch(event, context);
      } finally {
        for (const eventId of written.keys()) ahead.delete(eventId);
      }
    });
}
