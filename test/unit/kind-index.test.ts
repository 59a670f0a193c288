// The byKind index's shard of an item: fixed by the item's key alone (a
// rewrite lands where the first write did) and spread over every shard.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, type QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  KIND_PAGE_ITEMS,
  KIND_SHARDS,
  KIND_SHARDS_AT_ONCE,
  kindShardOf,
  readKinds,
  withKindShard,
} from '../../shared/adapters/kind-index.js';

describe('kindShardOf', () => {
  it('is the kind and a shard fixed by the key, the same in every process', () => {
    expect(kindShardOf('assessment', { pk: 'SVC#OVO000123#e-loket', sk: 'A#2026-01-15#2026-02-01T00:00:00.000Z#a1' })).toBe('assessment#7');
    expect(kindShardOf('report', { pk: 'REPORT#2026-Q3', sk: 'PUBLISHED' })).toBe('report#6');
  });

  it('spreads a kind evenly over its shards, so no index partition is hot', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 10_000; i++) {
      const shard = kindShardOf('assessment', { pk: `SVC#ORG${i % 100}#svc-${i}`, sk: `A#2026-01-15#x#${i}-pre` });
      counts.set(shard, (counts.get(shard) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(Array.from({ length: KIND_SHARDS }, (_, n) => `assessment#${n}`));
    // 1,250 each if even: none off by more than 5 %.
    for (const n of counts.values()) expect(Math.abs(n - 1_250)).toBeLessThan(63);
  });

  it('spreads keys that differ in the same characters of pk and sk (FNV alone left half the shards empty)', () => {
    const shards = new Set(
      Array.from({ length: 60 }, (_, i) => kindShardOf('assessment', { pk: `SVC#OVO000123#svc-${i}`, sk: `A#2026-01-15#t#a-${i}` })),
    );
    expect(shards.size).toBe(KIND_SHARDS);
  });

  it('spreads one service with many assessments too: the shard hashes the whole key', () => {
    const shards = new Set(
      Array.from({ length: 1_000 }, (_, i) => kindShardOf('assessment', { pk: 'SVC#OVO000123#busy', sk: `A#2026-01-15#t#${i}` })),
    );
    expect(shards.size).toBe(KIND_SHARDS);
  });
});

describe('withKindShard', () => {
  it('sets the kind after the item, so an attribute named kind in the payload does not win', () => {
    expect(withKindShard('planned', { pk: 'SVC#O#s', sk: 'P#2026', kind: 'new' })).toEqual({
      pk: 'SVC#O#s',
      sk: 'P#2026',
      kind: 'planned',
      kindShard: kindShardOf('planned', { pk: 'SVC#O#s', sk: 'P#2026' }),
    });
  });
});

describe('readKinds', () => {
  it('reads every page of every shard of the kinds asked for, a few shards at a time, in small pages', async () => {
    // Each shard holds 2.5 pages of items; the fake store answers after a tick, so reads overlap as they would.
    const perShard = Math.floor(KIND_PAGE_ITEMS * 2.5);
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));
    let inFlight = 0;
    let most = 0;
    const limits = new Set<number | undefined>();
    client.send = (async (command: QueryCommand) => {
      const input = command.input;
      limits.add(input.Limit);
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight -= 1;
      const shard = String(input.ExpressionAttributeValues![':shard']);
      const from = Number(input.ExclusiveStartKey?.n ?? 0);
      const to = Math.min(perShard, from + input.Limit!);
      return {
        Items: Array.from({ length: to - from }, (_, k) => ({ id: `${shard}/${from + k}` })),
        ...(to < perShard ? { LastEvaluatedKey: { n: to } } : {}),
        $metadata: {},
      };
    }) as never;
    const read: string[] = [];
    for await (const id of readKinds(client, 'projections', ['feedback-month', 'feedback-aggregate'], (i) => String(i.id))) read.push(id);
    const expected = ['feedback-month', 'feedback-aggregate'].flatMap((kind) =>
      Array.from({ length: KIND_SHARDS }, (_, n) => Array.from({ length: perShard }, (_, k) => `${kind}#${n}/${k}`)).flat(),
    );
    expect(read.length).toBe(expected.length);
    expect([...read].sort()).toEqual([...expected].sort());
    expect(most).toBe(KIND_SHARDS_AT_ONCE);
    expect([...limits]).toEqual([KIND_PAGE_ITEMS]);
  });
});
