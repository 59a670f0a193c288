// Reading every item of one kind of the projections table (assessment rows,
// plan entries, decisions, feedback tallies, ...) without reading the others:
// each such item carries `kindShard` = `<kind>#<n>`, the partition key of the
// sparse `byKind` index (infra/topology.ts). The shard number spreads a kind
// over KIND_SHARDS index partitions, so no kind is a hot partition in
// DynamoDB, and its shards are read concurrently. The number is a hash of the
// item's own key: writing the same item again gives it the same shard, so
// projections stay recomputations.
import { paginateQuery, type DynamoDBDocumentClient, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';

export const KIND_INDEX = 'byKind';
export const KIND_SHARD_ATTRIBUTE = 'kindShard';
/** Changing it needs a rebuild (`npm run dds -- rebuild`): stored items keep their old shard. */
export const KIND_SHARDS = 8;
/**
 * Items a page. DynamoDB Local's time for a page grows faster than the page
 * (measured: 5,016 items of one shard in 1 MB pages 5.4 s, in pages of 200
 * 2.0 s; docs/performance.md); DynamoDB's does not, and smaller pages cost it
 * only more round trips, spread over the shards read at once.
 */
export const KIND_PAGE_ITEMS = 100;
/**
 * Shards read at once. Every page in flight is a response body, its parsed
 * and its unmarshalled items held at the same time: 4 shards of 100 items
 * kept the report process's peak some 20 MiB under 8 of 250 at 10,000
 * services, reading no slower (docs/performance.md, "Report memory").
 */
export const KIND_SHARDS_AT_ONCE = 4;

/** The kinds read whole, by the reports and the indicators: the only items the index holds. */
export const INDEXED_KINDS = [
  'assessment',
  'planned',
  'plan',
  'decision',
  'report',
  'feedback-month',
  'feedback-aggregate',
  'maturity',
] as const;
export type IndexedKind = (typeof INDEXED_KINDS)[number];

/**
 * FNV-1a, 32 bits, then MurmurHash3's finaliser: cheap, the same in every
 * process and version. The finaliser matters: FNV's low bits depend only on
 * the characters' low bits, so `% 8` alone left half the shards empty.
 */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export const kindShardOf = (kind: IndexedKind, key: { pk: string; sk: string }): string =>
  `${kind}#${hash32(`${key.pk}\u0000${key.sk}`) % KIND_SHARDS}`;

/** The item's key and kind, with its index attribute: what every write of an indexed kind stores. */
export const withKindShard = <I extends { pk: string; sk: string }>(kind: IndexedKind, item: I) => ({
  ...item,
  kind,
  [KIND_SHARD_ATTRIBUTE]: kindShardOf(kind, item),
});

/**
 * Every item of the given kinds, page by page, KIND_SHARDS_AT_ONCE shards at
 * a time (the next shard starts when one is done): at most one page per
 * shard being read is in flight, besides the one being handed out. Order is
 * not defined, as a Scan's was not.
 */
export async function* readKinds<T>(
  client: DynamoDBDocumentClient,
  table: string,
  kinds: readonly IndexedKind[],
  map: (item: Record<string, unknown>) => T,
): AsyncIterable<T> {
  const pages = kinds
    .flatMap((kind) => Array.from({ length: KIND_SHARDS }, (_, n) => `${kind}#${n}`))
    .map((shard) =>
      paginateQuery(
        { client },
        {
          TableName: table,
          IndexName: KIND_INDEX,
          KeyConditionExpression: '#shard = :shard',
          ExpressionAttributeNames: { '#shard': KIND_SHARD_ATTRIBUTE },
          ExpressionAttributeValues: { ':shard': shard },
          Limit: KIND_PAGE_ITEMS,
        },
      )[Symbol.asyncIterator](),
    );
  type Next = [number, IteratorResult<QueryCommandOutput>];
  const inFlight = new Map<number, Promise<Next>>();
  const pull = (i: number) =>
    inFlight.set(
      i,
      pages[i]!.next().then((r): Next => [i, r]),
    );
  let started = 0;
  for (; started < Math.min(KIND_SHARDS_AT_ONCE, pages.length); started++) pull(started);
  try {
    while (inFlight.size > 0) {
      const [i, r] = await Promise.race(inFlight.values());
      inFlight.delete(i);
      if (r.done) {
        if (started < pages.length) pull(started++);
        continue;
      }
      // The shard's next page is fetched while this one is handed out.
      pull(i);
      for (const item of r.value.Items ?? []) yield map(item);
    }
  } finally {
    // A reader that stops early, or a shard that failed: the others' answers are dropped, not left unhandled.
    for (const p of inFlight.values()) p.catch(() => undefined);
  }
}
