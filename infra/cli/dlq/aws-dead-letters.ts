// Dead letters in AWS: the stateless stack's StreamFailures queue. Lambda's
// on-failure message for a stream names only the batch (shard, first and last
// sequence number, how often it was invoked), so each message is resolved:
// the batch's records are read back from the stream (it keeps them 24 hours),
// which names each event and its item key; the consumer's failure note in the
// control table names the error and the attempts. Past the stream's 24 hours
// the notes alone name the records (by their sequence numbers).
import { ChangeMessageVisibilityCommand, DeleteMessageCommand, ReceiveMessageCommand, SQSClient, type Message } from '@aws-sdk/client-sqs';
import {
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type DynamoDBStreamsClient,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { dynamoFailureNotes, type FailureNote } from '../../../shared/adapters/failure-notes.js';
import { identityOfImage } from '../../../shared/adapters/stream-records.js';
import { withoutSdkLogging } from '../../../shared/adapters/clients.js';
import { dynamoStreamsClient } from '../../local/stream-client.js';
import type { CommandContext } from '../context.js';
import { consumerOfType, STREAM_CONSUMERS } from './consumers.js';
import { describeEntry, redriver, type DeadLetterEntry } from './redrive.js';

/** The part of Lambda's on-failure record for a DynamoDB stream batch that is read here. */
export interface StreamFailureMessage {
  timestamp?: string;
  requestContext?: { functionArn?: string; condition?: string; approximateInvokeCount?: number };
  responseContext?: { functionError?: string };
  DDBStreamBatchInfo: { shardId: string; startSequenceNumber: string; endSequenceNumber: string; streamArn: string; batchSize?: number };
}

export function parseFailureMessage(body: string | undefined): StreamFailureMessage | null {
  try {
    const m = JSON.parse(body ?? '') as StreamFailureMessage;
    const b = m.DDBStreamBatchInfo;
    return b && typeof b.shardId === 'string' && typeof b.startSequenceNumber === 'string' && typeof b.endSequenceNumber === 'string'
      ? m
      : null;
  } catch {
    return null;
  }
}

const inRange = (seq: string | undefined, start: string, end: string) => {
  if (!seq || !/^\d+$/.test(seq)) return false;
  const n = BigInt(seq);
  return n >= BigInt(start) && n <= BigInt(end);
};

/** The batch's records from the stream, those a consumer receives; null when the stream no longer has them. */
export async function readBatch(
  streams: DynamoDBStreamsClient,
  info: StreamFailureMessage['DDBStreamBatchInfo'],
): Promise<StreamRecord[] | null> {
  let iterator: string | undefined;
  try {
    const it = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: info.streamArn,
        ShardId: info.shardId,
        ShardIteratorType: 'AT_SEQUENCE_NUMBER',
        SequenceNumber: info.startSequenceNumber,
      }),
    );
    iterator = it.ShardIterator;
    const found: StreamRecord[] = [];
    // An open shard answers empty pages at its end: a few in a row mean the batch is read.
    for (let empty = 0; iterator && empty < 3;) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      const records = page.Records ?? [];
      empty = records.length === 0 ? empty + 1 : 0;
      for (const r of records) {
        const seq = r.dynamodb?.SequenceNumber;
        if (seq && BigInt(seq) > BigInt(info.endSequenceNumber)) return found;
        const type = r.dynamodb?.NewImage?.type?.S;
        if ((r.eventName === 'INSERT' || r.eventName === 'MODIFY') && type && consumerOfType(type)) found.push(r);
      }
      iterator = page.NextShardIterator;
    }
    return found;
  } catch (err) {
    const name = (err as Error).name;
    if (err instanceof TrimmedDataAccessException || name === 'TrimmedDataAccessException' || name === 'ResourceNotFoundException')
      return null;
    throw err;
  }
}

interface Resolved {
  message: Message;
  entries: DeadLetterEntry[];
  /** the stream no longer has the batch and no note names its records */
  unresolved?: string;
}

/** The queue's client, as far as it is used here (tests give their own). */
export type QueueClient = Pick<SQSClient, 'send' | 'destroy'>;

export function awsDeadLetters(
  ctx: CommandContext,
  queueUrl: string,
  clients: { sqs?: QueueClient; streams?: DynamoDBStreamsClient } = {},
) {
  // SQS and the stream are read only by the operators' CLI (dev dependencies), so their clients are made here.
  const sqs = clients.sqs ?? withoutSdkLogging(new SQSClient({ region: ctx.settings.clients.AWS_REGION }));
  const streams = clients.streams ?? dynamoStreamsClient(ctx.settings.clients);

  /** Every message now in the queue, each hidden from other readers for `hideSeconds` (then it shows again). */
  async function receiveAll(hideSeconds: number): Promise<Message[]> {
    const seen = new Map<string, Message>();
    for (;;) {
      const out = await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 2, VisibilityTimeout: hideSeconds }),
      );
      const batch = (out.Messages ?? []).filter((m) => m.MessageId && !seen.has(m.MessageId));
      if (batch.length === 0) return [...seen.values()];
      for (const m of batch) seen.set(m.MessageId!, m);
    }
  }

  async function resolve(message: Message): Promise<Resolved> {
    const failure = parseFailureMessage(message.Body);
    const source = `sqs message ${message.MessageId}`;
    if (!failure) return { message, entries: [], unresolved: 'not an on-failure record of a stream batch' };
    const info = failure.DDBStreamBatchInfo;
    const { ddb, names } = await ctx.stores();
    const notes = dynamoFailureNotes(ddb, names.control);
    const base = {
      failedAt: failure.timestamp ?? '',
      streamArn: info.streamArn,
      source,
    };
    const records = await readBatch(streams, info);
    if (records?.length === 0) return { message, entries: [], unresolved: 'no record of this batch was found on the stream' };
    if (records) {
      const entries: DeadLetterEntry[] = [];
      for (const r of records) {
        const who = identityOfImage(r.dynamodb?.NewImage as Record<string, AttributeValue> | undefined, r.dynamodb?.SequenceNumber);
        const consumer = consumerOfType(who.type)!;
        const note = await notes.get(consumer, who.eventId);
        entries.push({
          ...base,
          consumer,
          attempts: note?.attempts ?? failure.requestContext?.approximateInvokeCount ?? null,
          event: { type: who.type, version: who.version, eventId: who.eventId },
          key: who.key,
          ...(who.correlationId === undefined ? {} : { correlationId: who.correlationId }),
          error: note?.error ?? null,
          sequenceNumber: who.sequenceNumber ?? '',
        });
      }
      return { message, entries };
    }
    // Past the stream's retention: the notes written when the records failed name them.
    const noted: FailureNote[] = [];
    for (const { name } of STREAM_CONSUMERS)
      noted.push(...(await notes.list(name)).filter((n) => inRange(n.sequenceNumber, info.startSequenceNumber, info.endSequenceNumber)));
    if (noted.length === 0)
      return { message, entries: [], unresolved: 'the stream no longer holds this batch (24 hours) and no failure note names its records' };
    return {
      message,
      entries: noted.map((n) => ({
        ...base,
        consumer: n.consumer,
        attempts: n.attempts,
        event: { type: n.type, version: n.version, eventId: n.eventId },
        key: n.key,
        ...(n.correlationId === undefined ? {} : { correlationId: n.correlationId }),
        error: n.error,
        sequenceNumber: n.sequenceNumber ?? '',
      })),
    };
  }

  return {
    async list(): Promise<{ entries: DeadLetterEntry[]; unresolved: string[] }> {
      // Hidden for 30 s while listing, so a message is read once; it stays in the queue.
      const resolved = await Promise.all((await receiveAll(30)).map(resolve));
      return {
        entries: resolved.flatMap((r) => r.entries),
        unresolved: resolved.filter((r) => r.unresolved).map((r) => `sqs message ${r.message.MessageId}: ${r.unresolved}`),
      };
    },

    /** Each message's records once: a message whose every record succeeds is deleted; the others are shown again at once. */
    async redrive(): Promise<{ redriven: number; failed: number; unresolved: string[] }> {
      const r = redriver(ctx);
      let redriven = 0;
      let failed = 0;
      const unresolved: string[] = [];
      for (const message of await receiveAll(900)) {
        const { entries, unresolved: why } = await resolve(message);
        let ok = why === undefined;
        if (why) unresolved.push(`sqs message ${message.MessageId}: ${why}`);
        for (const entry of entries) {
          const outcome = await r.redrive(entry);
          if (outcome.ok) {
            redriven += 1;
            ctx.out(`redriven     ${describeEntry(entry)}`);
          } else {
            failed += 1;
            ok = false;
            ctx.out(`still fails  ${describeEntry(entry)}: ${outcome.error.name}: ${outcome.error.message}`);
          }
        }
        if (ok) await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
        else
          await sqs.send(
            new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle, VisibilityTimeout: 0 }),
          );
      }
      return { redriven, failed, unresolved };
    },

    close() {
      sqs.destroy();
      streams.destroy();
    },
  };
}
