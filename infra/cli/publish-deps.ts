// What publishing a period's reports needs, from the stores a command was
// given: the `report` command, and erasure, which republishes the reports
// that showed the comments it erased.
import { randomUUID } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { publishStores } from '../../shared/adapters/publish-stores.js';
import type { PublishDeps } from '../../shared/use-cases/publish-reports.js';
import type { ResourceName } from '../topology.js';

export function publishDepsOf(
  stores: { ddb: DynamoDBDocumentClient; s3: S3Client; names: Record<ResourceName, string> },
  o: { codeVersion: string; today: string; now?: () => Date },
): PublishDeps {
  return {
    ...publishStores(stores.ddb, stores.s3, stores.names),
    codeVersion: o.codeVersion,
    newId: randomUUID,
    now: o.now ?? (() => new Date()),
    today: () => o.today,
  };
}
