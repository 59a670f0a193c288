// One dead-lettered record, processed once more: its submission item is read
// back from the table by its key (submissions are written once and never
// changed, so the item is what the stream carried), handed to its consumer
// as the stream would hand it, and its failure note removed when it succeeds.
import { marshall } from '@aws-sdk/util-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { dynamoFailureNotes } from '../../../shared/adapters/failure-notes.js';
import { recordFailuresOf, summarizeError, type ErrorSummary } from '../../../shared/adapters/stream-records.js';
import type { FunctionName } from '../../topology.js';
import type { CommandContext } from '../context.js';
import { consumerContext, streamConsumer, type StreamHandler } from './consumers.js';

/** What a list shows of a dead letter, locally and in AWS alike. */
export interface DeadLetterEntry {
  consumer: string;
  failedAt: string;
  /** failed deliveries; null where nothing counted them */
  attempts: number | null;
  event: { type: string; version: number | null; eventId: string };
  key: { pk: string; sk: string };
  correlationId?: string;
  /** null in AWS when the consumer left no note (its log has the error) */
  error: ErrorSummary | null;
  sequenceNumber: string;
  streamArn: string;
  /** where it is: the file, or the queue message */
  source: string;
}

export type RedriveOutcome = { ok: true } | { ok: false; error: ErrorSummary };

export interface Redriver {
  redrive(entry: Pick<DeadLetterEntry, 'consumer' | 'key' | 'sequenceNumber' | 'streamArn' | 'event'>): Promise<RedriveOutcome>;
}

export function redriver(ctx: CommandContext): Redriver {
  const handlers = new Map<string, Promise<StreamHandler>>();
  const handlerOf = (name: FunctionName) => {
    let h = handlers.get(name);
    if (!h) handlers.set(name, (h = streamConsumer(ctx, name)));
    return h;
  };
  return {
    async redrive(entry) {
      const { ddb, names } = await ctx.stores();
      const out = await ddb.send(new GetCommand({ TableName: names.submissions, Key: entry.key, ConsistentRead: true }));
      if (!out.Item) {
        return { ok: false, error: { name: 'NotFound', message: `no item ${entry.key.pk} / ${entry.key.sk} in the submissions table` } };
      }
      const image = marshall(out.Item, { removeUndefinedValues: true }) as Record<string, AttributeValue>;
      const record: DynamoDBRecord = {
        eventID: `redrive-${entry.sequenceNumber}`,
        eventName: 'INSERT',
        eventSource: 'aws:dynamodb',
        eventSourceARN: entry.streamArn,
        awsRegion: ctx.settings.clients.AWS_REGION,
        dynamodb: {
          Keys: marshall(entry.key) as never,
          NewImage: image as never,
          SequenceNumber: entry.sequenceNumber || `redrive-${entry.event.eventId}`,
          StreamViewType: 'NEW_IMAGE',
        },
      };
      const consumer = entry.consumer as FunctionName;
      try {
        const handler = await handlerOf(consumer);
        const response = await handler({ Records: [record] }, consumerContext(consumer));
        if ((response?.batchItemFailures ?? []).length > 0) {
          return { ok: false, error: { name: 'BatchItemFailure', message: 'the consumer reported the record failed' } };
        }
      } catch (err) {
        return { ok: false, error: recordFailuresOf(err)[0]?.error ?? summarizeError(err) };
      }
      await dynamoFailureNotes(ddb, names.control).remove(entry.consumer, entry.event.eventId);
      return { ok: true };
    },
  };
}

export const describeEntry = (e: Pick<DeadLetterEntry, 'consumer' | 'event' | 'key'>) =>
  `${e.consumer}: ${e.event.type}${e.event.version === null ? '' : ` v${e.event.version}`} ${e.event.eventId} (${e.key.pk} / ${e.key.sk})`;
