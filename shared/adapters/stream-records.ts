// What names a stream record, read from its image without decoding the event
// (a record that cannot be decoded must still be named), and the error a
// consumer throws for one record: the batch processor collects these, and the
// local poller's dead letters read which record each one was about.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { TABLE_KEY } from '../../infra/topology.js';

export interface RecordIdentity {
  type: string;
  version: number | null;
  eventId: string;
  /** the submission item's key */
  key: { pk: string; sk: string };
  correlationId?: string;
  sequenceNumber?: string;
}

const str = (v: AttributeValue | undefined): string | undefined => (v && 'S' in v && typeof v.S === 'string' ? v.S : undefined);
const num = (v: AttributeValue | undefined): number | null => (v && 'N' in v && typeof v.N === 'string' ? Number(v.N) : null);

/** The event a record carries, by name: its type, version, id, the item's key and the correlation id stored beside it. */
export function identityOfImage(image: Record<string, AttributeValue> | undefined, sequenceNumber?: string): RecordIdentity {
  const correlationId = str(image?.correlationId);
  return {
    type: str(image?.type) ?? '(unknown)',
    version: num(image?.version),
    eventId: str(image?.eventId) ?? '(unknown)',
    key: { pk: str(image?.[TABLE_KEY.partitionKey]) ?? '', sk: str(image?.[TABLE_KEY.sortKey]) ?? '' },
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(sequenceNumber === undefined ? {} : { sequenceNumber }),
  };
}

export const identityOf = (record: DynamoDBRecord): RecordIdentity =>
  identityOfImage(
    (record.dynamodb?.NewImage ?? record.dynamodb?.Keys) as Record<string, AttributeValue> | undefined,
    record.dynamodb?.SequenceNumber,
  );

export interface ErrorSummary {
  name: string;
  message: string;
}

export const summarizeError = (err: unknown): ErrorSummary =>
  err instanceof Error ? { name: err.name, message: err.message } : { name: 'Error', message: String(err) };

/** One record's failure: its message is the cause's, and it names the record it was about. */
export class RecordFailure extends Error {
  readonly error: ErrorSummary;
  constructor(
    readonly record: RecordIdentity,
    cause: unknown,
  ) {
    const error = summarizeError(cause);
    super(error.message, { cause });
    this.name = 'RecordFailure';
    this.error = error;
  }
}

/** The record failures inside what a consumer threw (a batch processor's FullBatchFailureError holds one per record). */
export function recordFailuresOf(err: unknown): RecordFailure[] {
  if (err instanceof RecordFailure) return [err];
  const inner = (err as { recordErrors?: unknown } | null)?.recordErrors;
  return Array.isArray(inner) ? inner.filter((e): e is RecordFailure => e instanceof RecordFailure) : [];
}
