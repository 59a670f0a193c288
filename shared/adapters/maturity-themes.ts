// The themes of the maturity self-scan, registered by operators
// (npm run dds -- maturity themes import) and kept in the control table.
import { BatchWriteCommand, paginateQuery, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MaturityTheme } from '../domain/strategy/maturity.js';

export interface MaturityThemes {
  list(): Promise<MaturityTheme[]>;
  put(themes: readonly MaturityTheme[]): Promise<void>;
}

export function dynamoMaturityThemes(client: DynamoDBDocumentClient, table: string): MaturityThemes {
  return {
    async list() {
      const out: MaturityTheme[] = [];
      const pages = paginateQuery(
        { client },
        { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'MATURITY_THEME' } },
      );
      for await (const page of pages)
        for (const i of page.Items ?? [])
          out.push({
            themeId: String(i.sk),
            name: String(i.name),
            ...(typeof i.description === 'string' ? { description: i.description } : {}),
          });
      return out;
    },
    async put(themes) {
      for (let n = 0; n < themes.length; n += 25) {
        let requests = themes.slice(n, n + 25).map((t) => ({
          PutRequest: {
            Item: { pk: 'MATURITY_THEME', sk: t.themeId, name: t.name, ...(t.description ? { description: t.description } : {}) },
          },
        }));
        for (let attempt = 0; requests.length > 0 && attempt < 8; attempt++) {
          const out = await client.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
          requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests;
          if (requests.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        }
        if (requests.length > 0) throw new Error('could not store every theme; try again');
      }
    },
  };
}
