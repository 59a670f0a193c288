// The organisation register (npm run dds -- orgs import): name, kind and policy domain per organisation id.
import { BatchWriteCommand, paginateQuery, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Organisation } from '../domain/organisations.js';

export interface OrganisationRegistry {
  list(): Promise<Organisation[]>;
  put(orgs: readonly Organisation[]): Promise<void>;
}

export function dynamoOrganisationRegistry(client: DynamoDBDocumentClient, table: string): OrganisationRegistry {
  return {
    async list() {
      const out: Organisation[] = [];
      const pages = paginateQuery(
        { client },
        { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'ORG' } },
      );
      for await (const page of pages) {
        for (const r of page.Items ?? []) {
          out.push({
            organisationId: String(r.sk),
            name: String(r.name),
            kind: r.kind as Organisation['kind'],
            policyDomain: String(r.policyDomain),
          });
        }
      }
      return out;
    },
    async put(orgs) {
      for (let i = 0; i < orgs.length; i += 25) {
        let requests = orgs.slice(i, i + 25).map((o) => ({
          PutRequest: { Item: { pk: 'ORG', sk: o.organisationId, name: o.name, kind: o.kind, policyDomain: o.policyDomain } },
        }));
        // BatchWriteItem may leave some items unprocessed under load: send them again.
        for (let attempt = 0; requests.length > 0 && attempt < 8; attempt++) {
          const out = await client.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
          requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests;
          if (requests.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        }
        if (requests.length > 0) throw new Error('could not store every organisation; try again');
      }
    },
  };
}
