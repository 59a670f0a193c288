// What both stream consumers share: each record's work runs under the
// correlation id stored beside its event; a record that fails is logged with
// the event's name and key, counted, noted (for the dead-letter listing in
// AWS) and reported on its own (partial batch response), so that the mapping
// retries, bisects and finally dead-letters only what fails.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { AnyEvent } from '../../events/index.js';
import { withCorrelationId } from './correlation.js';
import type { FailureNotes } from './failure-notes.js';
import { METRIC, type MetricsSink } from './metrics.js';
import { streamImageToEvent } from './submission-items.js';
import { identityOf, RecordFailure, summarizeError, type RecordIdentity } from './stream-records.js';

export interface StreamConsumerDeps {
  logger: Logger;
  metrics: MetricsSink;
  /** where a failed record is noted; best effort: a note that cannot be written is only logged */
  failures?: FailureNotes;
}

/** The keys every log line about a record carries: correlation_id is where Powertools puts a request's own. */
export const recordLogKeys = (r: RecordIdentity) => ({
  correlation_id: r.correlationId,
  eventId: r.eventId,
  eventType: r.type,
  eventVersion: r.version,
  itemKey: r.key,
});

export type RecordWork = (event: AnyEvent, record: RecordIdentity) => Promise<void>;

export function recordHandler(consumer: string, deps: StreamConsumerDeps, work: RecordWork) {
  return async (record: DynamoDBRecord): Promise<void> => {
    const image = record.dynamodb?.NewImage;
    if (!image) return; // removals carry nothing to work on
    const who = identityOf(record);
    try {
      await withCorrelationId(who.correlationId, () => work(streamImageToEvent(image as Record<string, AttributeValue>), who));
    } catch (err) {
      const error = summarizeError(err);
      deps.metrics.count(METRIC.recordFailed);
      deps.logger.error('record failed', { ...recordLogKeys(who), error: { ...error, stack: (err as Error).stack } });
      await deps.failures
        ?.record(consumer, who, error)
        .catch((noteErr: unknown) =>
          deps.logger.warn('could not note the failed record', { ...recordLogKeys(who), noteError: summarizeError(noteErr) }),
        );
      throw new RecordFailure(who, err);
    }
  };
}

/** A stream batch through Powertools' BatchProcessor: failures reported per record; metrics written once per batch. */
export function streamBatch(deps: StreamConsumerDeps, onRecord: (record: DynamoDBRecord) => Promise<void>) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  return async (event: DynamoDBStreamEvent, context: Context): Promise<DynamoDBBatchResponse> => {
    try {
      return await processPartialResponse(event, onRecord, processor, { context });
    } finally {
      deps.metrics.flush();
    }
  };
}
