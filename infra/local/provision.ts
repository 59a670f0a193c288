// Creates the tables and buckets the topology declares, on the stand-ins,
// with the same key schema, stream and TTL settings as the CDK stateful stack.
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { BucketAlreadyOwnedByYou, CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { resources, TABLE_KEY, type ResourceName, type TableSpec } from '../topology.js';
import { localResourceName } from './settings.js';

export async function provision(ddb: DynamoDBClient, s3: S3Client, prefix = 'dds'): Promise<void> {
  for (const name of Object.keys(resources) as ResourceName[]) {
    const spec = resources[name];
    const physical = localResourceName(name, prefix);
    if (spec.kind === 'bucket') {
      try {
        await s3.send(new CreateBucketCommand({ Bucket: physical }));
      } catch (err) {
        if (!(err instanceof BucketAlreadyOwnedByYou) && (err as { name?: string }).name !== 'BucketAlreadyExists') throw err;
      }
      continue;
    }
    const table: TableSpec = spec;
    try {
      await ddb.send(
        new CreateTableCommand({
          TableName: physical,
          AttributeDefinitions: [
            { AttributeName: TABLE_KEY.partitionKey, AttributeType: 'S' },
            { AttributeName: TABLE_KEY.sortKey, AttributeType: 'S' },
            ...(table.indexes ?? []).map((i) => ({ AttributeName: i.partitionKey, AttributeType: 'S' as const })),
          ],
          KeySchema: [
            { AttributeName: TABLE_KEY.partitionKey, KeyType: 'HASH' },
            { AttributeName: TABLE_KEY.sortKey, KeyType: 'RANGE' },
          ],
          BillingMode: 'PAY_PER_REQUEST',
          ...(table.indexes?.length
            ? {
                GlobalSecondaryIndexes: table.indexes.map((i) => ({
                  IndexName: i.name,
                  KeySchema: [{ AttributeName: i.partitionKey, KeyType: 'HASH' as const }],
                  Projection: { ProjectionType: 'ALL' as const },
                })),
              }
            : {}),
          ...(table.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } } : {}),
        }),
      );
    } catch (err) {
      if (!(err instanceof ResourceInUseException)) throw err;
    }
    // DynamoDB Local may answer before the table is ACTIVE.
    await waitUntilTableExists({ client: ddb, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: physical });
    await addMissingIndexes(ddb, physical, table);
    if (table.ttlAttribute) {
      const d = await ddb.send(new DescribeTableCommand({ TableName: physical }));
      if (d.Table?.TableStatus === 'ACTIVE') {
        try {
          await ddb.send(
            new UpdateTimeToLiveCommand({
              TableName: physical,
              TimeToLiveSpecification: { AttributeName: table.ttlAttribute, Enabled: true },
            }),
          );
        } catch (err) {
          // Already enabled on a restart.
          if (!/already enabled/i.test((err as Error).message)) throw err;
        }
      }
    }
  }
}

/** A store made by an earlier version (data kept under .data/) gets the indexes the topology now declares. */
async function addMissingIndexes(ddb: DynamoDBClient, physical: string, table: TableSpec): Promise<void> {
  const d = await ddb.send(new DescribeTableCommand({ TableName: physical }));
  const present = new Set((d.Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  for (const index of table.indexes ?? []) {
    if (present.has(index.name)) continue;
    await ddb.send(
      new UpdateTableCommand({
        TableName: physical,
        AttributeDefinitions: [{ AttributeName: index.partitionKey, AttributeType: 'S' }],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: index.name,
              KeySchema: [{ AttributeName: index.partitionKey, KeyType: 'HASH' }],
              Projection: { ProjectionType: 'ALL' },
            },
          },
        ],
      }),
      // DynamoDB Local fills the new index from the items already stored before it answers: on a large store
      // (40,000 items: more than the clients' 5 s) that is a long request, and retrying it does not help.
      { requestTimeout: 600_000 },
    );
  }
}
