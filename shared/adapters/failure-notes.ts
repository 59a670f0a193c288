// A note per stream record that failed in a consumer: what it was, the last
// error and how many attempts failed. In AWS the on-failure queue's message
// carries only the stream's metadata (shard, sequence numbers), so these
// notes are what lets `dds dlq list --aws` name the error. They live in the
// control table and expire (TTL) after the queue's retention; a record that
// succeeds on a later retry leaves its note to expire, and a redrive that
// succeeds removes it.
import { DeleteCommand, GetCommand, paginateQuery, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ErrorSummary, RecordIdentity } from './stream-records.js';

/** As long as the on-failure queue keeps a message (14 days), and a day more. */
export const FAILURE_NOTE_TTL_SECONDS = 15 * 24 * 60 * 60;

export interface FailureNote extends RecordIdentity {
  consumer: string;
  error: ErrorSummary;
  attempts: number;
  firstFailedAt: string;
  lastFailedAt: string;
}

export interface FailureNotes {
  /** counts one more failed attempt of a record, with its error */
  record(consumer: string, record: RecordIdentity, error: ErrorSummary): Promise<void>;
  get(consumer: string, eventId: string): Promise<FailureNote | null>;
  /** every note of a consumer (few: failures only, and they expire) */
  list(consumer: string): Promise<FailureNote[]>;
  remove(consumer: string, eventId: string): Promise<void>;
}

const keyOf = (consumer: string, eventId: string) => ({ pk: `FAILURE#${consumer}`, sk: eventId });

function toNote(item: Record<string, unknown>): FailureNote {
  const note = { ...item } as Record<string, unknown>;
  delete note.pk;
  delete note.sk;
  delete note.expiresAt;
  return note as unknown as FailureNote;
}

export function dynamoFailureNotes(client: DynamoDBDocumentClient, table: string, now: () => Date = () => new Date()): FailureNotes {
  return {
    async record(consumer, record, error) {
      const at = now();
      const { correlationId, sequenceNumber, ...rest } = record;
      await client.send(
        new UpdateCommand({
          TableName: table,
          Key: keyOf(consumer, record.eventId),
          UpdateExpression:
            'SET consumer = :c, #type = :type, #version = :version, eventId = :eventId, #key = :key, #error = :error, ' +
            'lastFailedAt = :at, firstFailedAt = if_not_exists(firstFailedAt, :at), expiresAt = :exp' +
            (correlationId === undefined ? '' : ', correlationId = :cid') +
            (sequenceNumber === undefined ? '' : ', sequenceNumber = :seq') +
            ' ADD attempts :one',
          ExpressionAttributeNames: { '#type': 'type', '#version': 'version', '#key': 'key', '#error': 'error' },
          ExpressionAttributeValues: {
            ':c': consumer,
            ':type': rest.type,
            ':version': rest.version,
            ':eventId': rest.eventId,
            ':key': rest.key,
            ':error': error,
            ':at': at.toISOString(),
            ':exp': Math.floor(at.getTime() / 1000) + FAILURE_NOTE_TTL_SECONDS,
            ':one': 1,
            ...(correlationId === undefined ? {} : { ':cid': correlationId }),
            ...(sequenceNumber === undefined ? {} : { ':seq': sequenceNumber }),
          },
        }),
      );
    },
    async get(consumer, eventId) {
      const out = await client.send(new GetCommand({ TableName: table, Key: keyOf(consumer, eventId), ConsistentRead: true }));
      return out.Item ? toNote(out.Item) : null;
    },
    async list(consumer) {
      const notes: FailureNote[] = [];
      const pages = paginateQuery(
        { client },
        { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `FAILURE#${consumer}` } },
      );
      for await (const page of pages) for (const item of page.Items ?? []) notes.push(toNote(item));
      return notes;
    },
    async remove(consumer, eventId) {
      await client.send(new DeleteCommand({ TableName: table, Key: keyOf(consumer, eventId) }));
    },
  };
}
