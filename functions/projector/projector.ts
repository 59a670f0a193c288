// Stream consumer: each stored submission's record is decoded into its event
// and the batch is handed to the projection use case, which writes the
// assessments' rows together; a failing record is reported on its own
// (partial batch response) so the mapping retries, bisects and finally
// dead-letters only what fails.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { AnyEvent } from '../../events/index.js';
import { streamImageToEvent } from '../../shared/adapters/submission-items.js';
import { projectBatch, type ProjectDeps } from '../../shared/use-cases/project.js';

export type ProjectorDeps = ProjectDeps & { logger: Logger };

/** The sequence numbers of the records that failed, in the shape the event source mapping reads. */
export async function projectRecords(deps: ProjectorDeps, records: readonly DynamoDBRecord[]): Promise<DynamoDBBatchResponse> {
  const failures: string[] = [];
  const events: AnyEvent[] = [];
  const sources: DynamoDBRecord[] = [];
  for (const record of records) {
    const image = record.dynamodb?.NewImage;
    if (!image) continue; // removals carry nothing to project
    try {
      events.push(streamImageToEvent(image as Record<string, AttributeValue>));
      sources.push(record);
    } catch (err) {
      deps.logger.error('record not projected', { sequenceNumber: record.dynamodb?.SequenceNumber, error: err as Error });
      failures.push(record.dynamodb?.SequenceNumber ?? '');
    }
  }
  const outcomes = await projectBatch(deps, events);
  outcomes.forEach((o, i) => {
    const sequenceNumber = sources[i]!.dynamodb?.SequenceNumber ?? '';
    if (o.ok) {
      if (o.projected) deps.logger.debug('projected', o.projected);
      return;
    }
    deps.logger.error('record not projected', { sequenceNumber, error: o.error as Error });
    failures.push(sequenceNumber);
  });
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
}

export function makeProjector(deps: ProjectorDeps) {
  return middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(injectLambdaContext(deps.logger))
    .handler(async (event) => projectRecords(deps, event.Records));
}
