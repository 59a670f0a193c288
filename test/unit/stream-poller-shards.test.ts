// The local stream poller describes a stream's shards once, not on every pass:
// again only when a shard closes (its children appear) or the list is old.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBStreamsClient, Shard, _Record as StreamRecord } from '@aws-sdk/client-dynamodb-streams';
import type { Context, DynamoDBRecord } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SHARD_LIST_MS, StreamPoller } from '../../infra/local/stream-poller.js';

/** One stream whose shards and records the test sets, answering as DynamoDB Local's stream API does. */
function fakeStream() {
  const shards: Shard[] = [{ ShardId: 's1' }];
  const records = new Map<string, StreamRecord[]>([['s1', []]]);
  const closed = new Set<string>();
  const calls: string[] = [];
  let sequence = 0;
  const add = (shard: string, n: number) => {
    for (let i = 0; i < n; i++) {
      records.get(shard)!.push({
        eventID: `e${++sequence}`,
        eventName: 'INSERT',
        dynamodb: { SequenceNumber: String(sequence).padStart(6, '0'), NewImage: { type: { S: 'AssessmentSubmitted' } } },
      });
    }
  };
  const streams = {
    send: async (command: { constructor: { name: string }; input: Record<string, string> }) => {
      const name = command.constructor.name;
      calls.push(name);
      if (name === 'DescribeStreamCommand') return { StreamDescription: { Shards: shards.map((s) => ({ ...s })) } };
      // Iterators name a shard and a position in it.
      if (name === 'GetShardIteratorCommand') {
        const after = command.input.SequenceNumber;
        const list = records.get(command.input.ShardId!)!;
        const at = after === undefined ? 0 : list.findIndex((r) => r.dynamodb!.SequenceNumber === after) + 1;
        return { ShardIterator: `${command.input.ShardId}@${at}` };
      }
      if (name === 'GetRecordsCommand') {
        const [shard, at] = command.input.ShardIterator!.split('@') as [string, string];
        const list = records.get(shard)!;
        const page = list.slice(Number(at));
        const done = closed.has(shard) && Number(at) + page.length >= list.length;
        return { Records: page, ...(done ? {} : { NextShardIterator: `${shard}@${Number(at) + page.length}` }) };
      }
      throw new Error(`not here: ${name}`);
    },
  };
  const ddb = { send: async () => ({ Table: { LatestStreamArn: 'arn:stream' } }) };
  return {
    ddb: ddb as unknown as DynamoDBClient,
    streams: streams as unknown as DynamoDBStreamsClient,
    add,
    /** the shard closes and a child takes over, as DynamoDB rolls shards */
    roll(from: string, to: string) {
      closed.add(from);
      shards.push({ ShardId: to, ParentShardId: from });
      records.set(to, []);
    },
    describes: () => calls.filter((c) => c === 'DescribeStreamCommand').length,
  };
}

/** A poller with one consumer of the stream per list given, each list receiving what its consumer is delivered. */
function pollerOf(stream: ReturnType<typeof fakeStream>, ...deliveredTo: string[][]) {
  return new StreamPoller({
    ddb: stream.ddb,
    streams: stream.streams,
    region: 'eu-west-1',
    dataDir: mkdtempSync(join(tmpdir(), 'dds-poller-')),
    consumers: deliveredTo.map((delivered, n) => ({
      name: `consumer${n}`,
      trigger: { table: 'submissions' as const, eventTypes: ['AssessmentSubmitted'], batchSize: 100, maxRetries: 2 },
      tableName: 'submissions',
      handler: async (event: { Records: DynamoDBRecord[] }) => {
        delivered.push(...event.Records.map((r) => r.eventID!));
        return { batchItemFailures: [] };
      },
      context: () => ({}) as Context,
    })),
  });
}

afterEach(() => void vi.useRealTimers());

describe('the local stream poller', () => {
  it('describes the stream once for many passes, again when a shard closes, and reads the child after its parent', async () => {
    const stream = fakeStream();
    const delivered: string[] = [];
    const poller = pollerOf(stream, delivered);
    stream.add('s1', 3);
    expect(await poller.pollOnce()).toBe(3);
    for (let pass = 0; pass < 5; pass++) {
      stream.add('s1', 2);
      expect(await poller.pollOnce()).toBe(2);
    }
    expect(stream.describes()).toBe(1);

    stream.add('s1', 1);
    stream.roll('s1', 's2');
    stream.add('s2', 4);
    // The parent's last record with its end; the next pass describes the stream again and reads the child.
    expect(await poller.pollOnce()).toBe(1);
    expect(stream.describes()).toBe(1);
    expect(await poller.pollOnce()).toBe(4);
    expect(stream.describes()).toBe(2);
    expect(delivered).toEqual(Array.from({ length: 18 }, (_, i) => `e${i + 1}`));
  });

  it('shares one description among the consumers of a table, and after a close each reads the child', async () => {
    const stream = fakeStream();
    const first: string[] = [];
    const second: string[] = [];
    const poller = pollerOf(stream, first, second);
    stream.add('s1', 2);
    expect(await poller.pollOnce()).toBe(4);
    expect(await poller.pollOnce()).toBe(0);
    expect(stream.describes()).toBe(1);
    stream.roll('s1', 's2');
    stream.add('s2', 3);
    // Both read the parent's end in the same pass; one description after it serves both.
    expect(await poller.pollOnce()).toBe(0);
    expect(await poller.pollOnce()).toBe(6);
    expect(stream.describes()).toBe(2);
    expect(first).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(second).toEqual(first);
  });

  it('describes the stream again once the list is older than SHARD_LIST_MS, to find shards it was not told of', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const stream = fakeStream();
    const poller = pollerOf(stream, []);
    await poller.pollOnce();
    vi.setSystemTime(Date.now() + SHARD_LIST_MS - 1);
    await poller.pollOnce();
    expect(stream.describes()).toBe(1);
    vi.setSystemTime(Date.now() + 2);
    await poller.pollOnce();
    expect(stream.describes()).toBe(2);
  });
});
