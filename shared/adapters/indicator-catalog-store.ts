// The operational-indicator catalog versions the committee imported
// (npm run dds -- indicators import), kept in the control table beside the
// other registers the operators keep (organisations, e-loketten, maturity
// themes). The first version is part of the code and not stored. A version
// is written once, under a condition, so a published version cannot be
// overwritten — not even by two imports racing.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, paginateQuery, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { allCatalogs, indicatorCatalogSchema, type IndicatorCatalog } from '../domain/operational/catalogs.js';

const PK = 'INDICATOR_CATALOG';

export interface IndicatorCatalogStore {
  /** the stored versions, oldest first */
  list(): Promise<IndicatorCatalog[]>;
  /** stores a new version; `exists` when that version is stored already (nothing is written) */
  publish(catalog: IndicatorCatalog): Promise<'published' | 'exists'>;
  get(version: string): Promise<IndicatorCatalog | undefined>;
}

const fromItem = (item: Record<string, unknown>): IndicatorCatalog => indicatorCatalogSchema.parse(JSON.parse(String(item.catalog)));

export function dynamoIndicatorCatalogStore(client: DynamoDBDocumentClient, table: string): IndicatorCatalogStore {
  return {
    async list() {
      const out: IndicatorCatalog[] = [];
      const pages = paginateQuery(
        { client },
        { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': PK }, ConsistentRead: true },
      );
      for await (const page of pages) for (const item of page.Items ?? []) out.push(fromItem(item));
      return out.sort((a, b) => a.version.localeCompare(b.version));
    },
    async get(version) {
      const out = await client.send(new GetCommand({ TableName: table, Key: { pk: PK, sk: version }, ConsistentRead: true }));
      return out.Item ? fromItem(out.Item) : undefined;
    },
    async publish(catalog) {
      try {
        await client.send(
          new PutCommand({
            TableName: table,
            Item: { pk: PK, sk: catalog.version, publishedOn: catalog.publishedOn, catalog: JSON.stringify(catalog) },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        return 'published';
      } catch (err) {
        if (err instanceof ConditionalCheckFailedException) return 'exists';
        throw err;
      }
    },
  };
}

/** Every version, the first one (from the code) included, as the readers take them. */
export interface IndicatorCatalogs {
  /** `fresh`: read the store again instead of what was read before */
  all(options?: { fresh?: boolean }): Promise<IndicatorCatalog[]>;
}

/** Every version, read from the store each time (the CLI, the report publisher, the catalog route). */
export const storedIndicatorCatalogs = (store: Pick<IndicatorCatalogStore, 'list'>): IndicatorCatalogs => ({
  all: async () => allCatalogs(await store.list()),
});

/**
 * Every version, read again when the last read is older than `maxAgeMs` or
 * when asked to (`fresh`). Safe because a published version never changes and
 * a later one only adds: a container that has not seen the newest version yet
 * checks measures against an older one, which means the same, and reads again
 * before it refuses a measure (shared/use-cases/submit-assessment.ts). Only the
 * default version of an assessment that names none may lag an import, by at
 * most `maxAgeMs`.
 */
export function cachedIndicatorCatalogs(
  store: Pick<IndicatorCatalogStore, 'list'>,
  o: { maxAgeMs?: number; now?: () => number } = {},
): IndicatorCatalogs {
  const maxAgeMs = o.maxAgeMs ?? 60_000;
  const now = o.now ?? Date.now;
  let cached: { read: Promise<IndicatorCatalog[]>; at: number } | undefined;
  return {
    all(options = {}) {
      if (!cached || options.fresh || now() - cached.at > maxAgeMs) {
        const read = store.list().then(allCatalogs);
        const entry = { read, at: now() };
        // A failed read is not remembered.
        void read.catch(() => {
          if (cached === entry) cached = undefined;
        });
        cached = entry;
      }
      return cached.read;
    },
  };
}
