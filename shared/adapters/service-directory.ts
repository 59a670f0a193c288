// What the submissions say about a service without reading all of them: its
// latest assessment (one item), for its name and to know it exists.
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { itemToEventOf, servicePk } from './submission-items.js';

export interface ServiceDirectory {
  /** the service as its latest assessment names it, or null when it has none */
  assessedService(organisationId: string, serviceId: string): Promise<{ name: string } | null>;
  /** the service as its latest yearly plan names it, or null when no plan has it */
  plannedService(organisationId: string, serviceId: string): Promise<{ name: string } | null>;
}

export function dynamoServiceDirectory(client: DynamoDBDocumentClient, table: string, projectionsTable: string): ServiceDirectory {
  return {
    async assessedService(organisationId, serviceId) {
      const out = await client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
          ExpressionAttributeValues: { ':pk': servicePk(organisationId, serviceId), ':a': 'A#' },
          ScanIndexForward: false,
          Limit: 1,
          ConsistentRead: true,
        }),
      );
      const item = out.Items?.[0];
      return item ? { name: itemToEventOf(item, 'AssessmentSubmitted').payload.submission.service.name } : null;
    },
    async plannedService(organisationId, serviceId) {
      // Plan entries are projected beside the service's rows (sk P#<year>): the latest year first.
      const out = await client.send(
        new QueryCommand({
          TableName: projectionsTable,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
          ExpressionAttributeValues: { ':pk': servicePk(organisationId, serviceId), ':p': 'P#' },
          ScanIndexForward: false,
          Limit: 1,
        }),
      );
      const item = out.Items?.[0];
      return item ? { name: String(item.name) } : null;
    },
  };
}
