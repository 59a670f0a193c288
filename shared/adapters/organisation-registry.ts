import { BatchWriteItemCommand, QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Organisation } from '../domain/organisations.js';

export interface OrganisationRegistry {
  list(): Promise<Organisation[]>;
  put(orgs: readonly Organisation[]): Promise<void>;
}

export function dynamoOrganisationRegistry(client: DynamoDBClient, table: string): OrganisationRegistry {
  return {
    async list() {
      const out: Organisation[] = [];
      let start: QueryCommand['input']['ExclusiveStartKey'];
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: marshall({ ':pk': 'ORG' }),
            ExclusiveStartKey: start,
          }),
        );
        for (const i of page.Items ?? []) {
          const r = unmarshall(i);
          out.push({
            organisationId: String(r.sk),
            name: String(r.name),
            kind: r.kind as Organisation['kind'],
            policyDomain: String(r.policyDomain),
          });
        }
        start = page.LastEvaluatedKey;
      } while (start);
      return out;
    },
    async put(orgs) {
      for (let i = 0; i < orgs.length; i += 25) {
        let requests = orgs.slice(i, i + 25).map((o) => ({
          PutRequest: { Item: marshall({ pk: 'ORG', sk: o.organisationId, name: o.name, kind: o.kind, policyDomain: o.policyDomain }) },
        }));
        // BatchWriteItem may leave some items unprocessed under load: send them again.
        for (let attempt = 0; requests.length > 0 && attempt < 8; attempt++) {
          const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [table]: requests } }));
          requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests;
          if (requests.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        }
        if (requests.length > 0) throw new Error('could not store every organisation; try again');
      }
    },
  };
}
