// The byKind index's shard of an item: fixed by the item's key alone (a
// rewrite lands where the first write did) and spread over every shard.
import { describe, expect, it } from 'vitest';
import { KIND_SHARDS, kindShardOf, withKindShard } from '../../shared/adapters/kind-index.js';

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
