// Maturity scans and status changes are stored as their events, like every
// submission: one conditional put; the stream takes them to the projector.
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ActionStatusChangedV1 } from '../../events/action-status-changed.js';
import type { MaturityScannedV1 } from '../../events/maturity-scanned.js';
import { eventToItem } from './submission-items.js';

export interface StrategyEventStore {
  put(event: MaturityScannedV1 | ActionStatusChangedV1): Promise<void>;
}

export function dynamoStrategyEventStore(client: DynamoDBDocumentClient, table: string): StrategyEventStore {
  return {
    async put(event) {
      await client.send(new PutCommand({ TableName: table, Item: eventToItem(event), ConditionExpression: 'attribute_not_exists(pk)' }));
    },
  };
}
