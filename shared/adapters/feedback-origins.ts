// Web origins registered per service (npm run dds -- feedback origins add):
// only these may post feedback as JSON from a browser (CORS, design §2.1).
import { paginateQuery, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface FeedbackOrigins {
  list(organisationId: string, serviceId: string): Promise<string[]>;
  add(organisationId: string, serviceId: string, origin: string): Promise<void>;
}

const pk = (organisationId: string, serviceId: string) => `FBORIGIN#${organisationId}#${serviceId}`;

export function dynamoFeedbackOrigins(client: DynamoDBDocumentClient, table: string): FeedbackOrigins {
  return {
    async list(organisationId, serviceId) {
      const out: string[] = [];
      const pages = paginateQuery(
        { client },
        { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk(organisationId, serviceId) } },
      );
      for await (const page of pages) for (const i of page.Items ?? []) out.push(String(i.sk));
      return out;
    },
    async add(organisationId, serviceId, origin) {
      await client.send(
        new PutCommand({ TableName: table, Item: { pk: pk(organisationId, serviceId), sk: origin, addedAt: new Date().toISOString() } }),
      );
    },
  };
}
