// Locally, what the Lambda event source mapping does in AWS: read the table's
// stream from DynamoDB Local, drop what the filter drops (removals, other event
// types), deliver batches to the consumer, honour partial batch responses,
// bisect a failing batch, retry a finite number of times, and send what still
// fails to the on-failure destination (a JSON-lines file here, one line per
// record naming its event, error and attempts; an SQS queue in AWS).
// Checkpoints persist, so a restart resumes where it stopped.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type DynamoDBStreamsClient,
  type Shard,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { describeStoreError, storeFault } from '../../shared/adapters/store-faults.js';
import { identityOf, recordFailuresOf, summarizeError, type ErrorSummary } from '../../shared/adapters/stream-records.js';
import type { StreamTrigger } from '../topology.js';
import { appendDeadLetters, deadLetterFile, type DeadLetter } from './dead-letter-file.js';

export interface StreamConsumerSpec {
  name: string;
  trigger: StreamTrigger;
  tableName: string;
  handler: (event: { Records: DynamoDBRecord[] }, context: Context) => Promise<unknown>;
  context: () => Context;
}

interface ShardState {
  /** last sequence number fully handled */
  after?: string;
  closed?: boolean;
}
type Checkpoints = Record<string, Record<string, ShardState>>;

class CheckpointFile {
  private data: Checkpoints;
  constructor(private readonly path: string) {
    try {
      this.data = JSON.parse(readFileSync(path, 'utf8')) as Checkpoints;
    } catch {
      this.data = {};
    }
  }
  get(consumer: string, shard: string): ShardState {
    return this.data[consumer]?.[shard] ?? {};
  }
  set(consumer: string, shard: string, state: ShardState): void {
    (this.data[consumer] ??= {})[shard] = state;
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.data));
    renameSync(tmp, this.path);
  }
}

/** The record as the Lambda runtime delivers it (DynamoDB stream event). */
export function toLambdaRecord(r: StreamRecord, streamArn: string, region: string): DynamoDBRecord {
  const d = r.dynamodb;
  return {
    eventID: r.eventID,
    eventName: r.eventName as DynamoDBRecord['eventName'],
    eventVersion: r.eventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    eventSourceARN: streamArn,
    dynamodb: {
      ApproximateCreationDateTime: d?.ApproximateCreationDateTime ? Math.floor(d.ApproximateCreationDateTime.getTime() / 1000) : undefined,
      Keys: d?.Keys as never,
      NewImage: d?.NewImage as never,
      SequenceNumber: d?.SequenceNumber,
      SizeBytes: d?.SizeBytes,
      StreamViewType: d?.StreamViewType as never,
    },
  };
}

/** The event filter of the mapping: inserts and updates of the consumer's event types; TTL removals never pass. */
export function passesFilter(r: StreamRecord, trigger: StreamTrigger): boolean {
  if (r.eventName !== 'INSERT' && r.eventName !== 'MODIFY') return false;
  const type = r.dynamodb?.NewImage?.type;
  return type !== undefined && 'S' in type && typeof type.S === 'string' && trigger.eventTypes.includes(type.S);
}

/** Like Promise.all, but a failure is thrown only once every part has finished, so no read outlives its pass. */
async function settleAll<T>(parts: Array<Promise<T>>): Promise<T[]> {
  const settled = await Promise.allSettled(parts);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}

/** How long a stream's shard list is used before it is described again (a closed shard ends it at once). */
export const SHARD_LIST_MS = 10_000;

export interface PollerOptions {
  ddb: DynamoDBClient;
  streams: DynamoDBStreamsClient;
  region: string;
  dataDir: string;
  consumers: StreamConsumerSpec[];
  intervalMs?: number;
  log?: (message: string) => void;
}

export class StreamPoller {
  private readonly checkpoints: CheckpointFile;
  private readonly iterators = new Map<string, string>();
  private readonly streamArns = new Map<string, string>();
  /** Each stream's shards as last described (or being described), and when: see shards(). */
  private readonly shardLists = new Map<string, { shards: Promise<Shard[]>; at: number }>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(private readonly o: PollerOptions) {
    this.checkpoints = new CheckpointFile(join(o.dataDir, 'stream-checkpoints.json'));
  }

  start(): void {
    this.stopped = false;
    // A stream that cannot be read (DynamoDB Local stopped) is said once, then
    // retried quietly, less and less often, and its return is said too.
    let failures = 0;
    let said = '';
    const tick = async () => {
      if (this.stopped) return;
      let seen = 0;
      try {
        seen = await this.pollOnce();
        if (failures > 0) this.o.log?.(`stream poller: reading the stream again (after ${failures} failed attempts)`);
        failures = 0;
        said = '';
      } catch (err) {
        failures++;
        const why = storeFault(err) ? `DynamoDB is ${describeStoreError(err)}` : (err as Error).message;
        if (why !== said) this.o.log?.(`stream poller: cannot read the stream: ${why}; retrying quietly until it answers`);
        said = why;
      }
      const wait = failures > 0 ? Math.min(5_000, 250 * 2 ** failures) : seen > 0 ? 0 : (this.o.intervalMs ?? 250);
      if (!this.stopped) this.timer = setTimeout(() => void tick(), wait);
    };
    this.timer = setTimeout(() => void tick(), 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    // A pass waiting on a store that is gone is not waited for long: what it did not
    // checkpoint is delivered again on the next start (consumers are idempotent).
    await Promise.race([this.running?.catch(() => 0), new Promise((r) => setTimeout(r, 5_000).unref())]);
  }

  /** Resolves once every consumer has handled everything on the stream so far. */
  async drain(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let quiet = 0;
    while (quiet < 2) {
      if (Date.now() > deadline) throw new Error('stream did not drain in time');
      quiet = (await this.pollOnce()) === 0 ? quiet + 1 : 0;
    }
  }

  /** One pass over every consumer and shard; returns how many records were read. Passes never overlap. */
  pollOnce(): Promise<number> {
    const previous = this.running ?? Promise.resolve(0);
    const next = previous.catch(() => 0).then(() => this.pass());
    this.running = next;
    return next;
  }

  private async streamArn(table: string): Promise<string> {
    const known = this.streamArns.get(table);
    if (known) return known;
    const d = await this.o.ddb.send(new DescribeTableCommand({ TableName: table }));
    const arn = d.Table?.LatestStreamArn;
    if (!arn) throw new Error(`table ${table} has no stream`);
    this.streamArns.set(table, arn);
    return arn;
  }

  /**
   * A stream's shards. Described again only once a shard has closed (its
   * children are then there) or SHARD_LIST_MS have passed, as Lambda's mapping
   * discovers shards: describing on every pass cost DynamoDB Local nearly a
   * millisecond of CPU each, under load one pass every dozen records.
   * Consumers of one table share one description, the one in flight too; a
   * close drops it, so a description begun before the close is never kept.
   */
  private shards(streamArn: string): Promise<Shard[]> {
    const known = this.shardLists.get(streamArn);
    if (known && Date.now() - known.at < SHARD_LIST_MS) return known.shards;
    const entry = { shards: this.describeShards(streamArn), at: Date.now() };
    this.shardLists.set(streamArn, entry);
    entry.shards.catch(() => {
      if (this.shardLists.get(streamArn) === entry) this.shardLists.delete(streamArn);
    });
    return entry.shards;
  }

  private async describeShards(streamArn: string): Promise<Shard[]> {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const d = await this.o.streams.send(new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }));
      shards.push(...(d.StreamDescription?.Shards ?? []));
      start = d.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards;
  }

  private async pass(): Promise<number> {
    try {
      return await this.passOverConsumers();
    } catch (err) {
      // Iterators and stream ARNs may not survive what failed (a restarted DynamoDB Local):
      // the next pass starts again from the checkpoints.
      this.iterators.clear();
      this.streamArns.clear();
      this.shardLists.clear();
      throw err;
    }
  }

  /**
   * Every consumer and every readable shard at once, as Lambda runs one
   * mapping per consumer and one batch per shard concurrently; order is kept
   * within a shard, and a child shard waits for its parent.
   */
  private async passOverConsumers(): Promise<number> {
    const perConsumer = await settleAll(
      this.o.consumers.map(async (consumer) => {
        const arn = await this.streamArn(consumer.tableName);
        const shards = await this.shards(arn);
        const ids = new Set(shards.map((s) => s.ShardId));
        const readable = shards.filter((shard) => {
          if (this.checkpoints.get(consumer.name, shard.ShardId!).closed) return false;
          return !(shard.ParentShardId && ids.has(shard.ParentShardId) && !this.checkpoints.get(consumer.name, shard.ParentShardId).closed);
        });
        const seen = await settleAll(
          readable.map((shard) => this.readShard(consumer, arn, shard.ShardId!, this.checkpoints.get(consumer.name, shard.ShardId!))),
        );
        return seen.reduce((a, b) => a + b, 0);
      }),
    );
    return perConsumer.reduce((a, b) => a + b, 0);
  }

  private async iterator(consumer: string, arn: string, shardId: string, state: ShardState): Promise<string | undefined> {
    const key = `${consumer}/${shardId}`;
    const cached = this.iterators.get(key);
    if (cached) return cached;
    const out = await this.o.streams.send(
      new GetShardIteratorCommand(
        state.after
          ? { StreamArn: arn, ShardId: shardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: state.after }
          : { StreamArn: arn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' },
      ),
    );
    return out.ShardIterator;
  }

  private async readShard(consumer: StreamConsumerSpec, arn: string, shardId: string, state: ShardState): Promise<number> {
    const key = `${consumer.name}/${shardId}`;
    const iterator = await this.iterator(consumer.name, arn, shardId, state);
    if (!iterator) {
      this.checkpoints.set(consumer.name, shardId, { ...state, closed: true });
      this.shardLists.delete(arn);
      return 0;
    }
    let out;
    try {
      out = await this.o.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
    } catch (err) {
      if (err instanceof ExpiredIteratorException || err instanceof TrimmedDataAccessException) {
        this.iterators.delete(key);
        return 0;
      }
      throw err;
    }
    const records = out.Records ?? [];
    const wanted = records.filter((r) => passesFilter(r, consumer.trigger));
    for (let i = 0; i < wanted.length; i += consumer.trigger.batchSize) {
      await this.deliver(
        consumer,
        wanted.slice(i, i + consumer.trigger.batchSize).map((r) => toLambdaRecord(r, arn, this.o.region)),
      );
    }
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    const next: ShardState = { ...state, ...(last ? { after: last } : {}) };
    if (out.NextShardIterator) this.iterators.set(key, out.NextShardIterator);
    else {
      this.iterators.delete(key);
      next.closed = true;
      // Its children are read next pass, so the stream is described again.
      this.shardLists.delete(arn);
    }
    if (last || next.closed) this.checkpoints.set(consumer.name, shardId, next);
    return records.length;
  }

  /** Delivers one batch: partial failures retried from the first failed record, bisected, then dead-lettered. */
  private async deliver(consumer: StreamConsumerSpec, batch: DynamoDBRecord[]): Promise<void> {
    const queue: Array<{ records: DynamoDBRecord[]; attempts: number }> = [{ records: batch, attempts: 0 }];
    // The last error seen for each record (by sequence number): what its dead letter will name.
    const lastErrors = new Map<string, ErrorSummary>();
    while (queue.length > 0) {
      const item = queue.shift()!;
      let failedFrom = -1;
      let batchError: ErrorSummary | undefined;
      try {
        const response = (await consumer.handler({ Records: item.records }, consumer.context())) as DynamoDBBatchResponse | undefined;
        const failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        if (failed.size > 0) {
          failedFrom = item.records.findIndex((r) => failed.has(r.dynamodb?.SequenceNumber ?? ''));
          if (failedFrom < 0) failedFrom = 0; // an identifier we cannot place: retry the whole batch, as AWS does
        }
      } catch (err) {
        failedFrom = 0;
        // A consumer's batch processor throws one error for a batch whose every record failed, holding each record's own.
        for (const f of recordFailuresOf(err)) if (f.record.sequenceNumber) lastErrors.set(f.record.sequenceNumber, f.error);
        batchError = summarizeError(err);
      }
      if (failedFrom < 0) continue;
      const remaining = item.records.slice(failedFrom);
      const attempts = item.attempts + 1;
      if (attempts > consumer.trigger.maxRetries) {
        this.deadLetter(
          consumer,
          remaining.map((r) => ({ record: r, error: lastErrors.get(r.dynamodb?.SequenceNumber ?? '') ?? batchError, attempts })),
        );
        continue;
      }
      await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempts)));
      if (remaining.length > 1) {
        const half = Math.ceil(remaining.length / 2);
        queue.unshift({ records: remaining.slice(0, half), attempts }, { records: remaining.slice(half), attempts });
      } else queue.unshift({ records: remaining, attempts });
    }
  }

  private deadLetter(
    consumer: StreamConsumerSpec,
    failed: Array<{ record: DynamoDBRecord; error?: ErrorSummary; attempts: number }>,
  ): void {
    const failedAt = new Date().toISOString();
    const letters: DeadLetter[] = failed.map(({ record, error, attempts }) => {
      const who = identityOf(record);
      return {
        consumer: consumer.name,
        failedAt,
        attempts,
        event: { type: who.type, version: who.version, eventId: who.eventId },
        key: who.key,
        ...(who.correlationId === undefined ? {} : { correlationId: who.correlationId }),
        // Reported failed in a batch that partly succeeded: the consumer logged why, the response says only which.
        error: error ?? { name: 'BatchItemFailure', message: 'reported failed by the consumer; its log names the error' },
        sequenceNumber: who.sequenceNumber ?? '',
        streamArn: record.eventSourceARN ?? '',
      };
    });
    const path = deadLetterFile(this.o.dataDir, consumer.name);
    appendDeadLetters(path, letters);
    const first = letters[0]!;
    this.o.log?.(
      `${consumer.name}: ${letters.length} record(s) sent to ${path} after ${consumer.trigger.maxRetries} retries: ` +
        `${first.event.type} ${first.event.eventId}: ${first.error.name}: ${first.error.message}` +
        ` (npm run dds -- dlq list; after a fix, npm run dds -- dlq redrive)`,
    );
  }
}
