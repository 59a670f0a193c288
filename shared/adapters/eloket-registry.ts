// The e-loketten: the four main ones are fixed; thematic ones are registered
// by operators (npm run dds -- eloketten add) and kept in the control table.
import { paginateQuery, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MAIN_ELOKETTEN } from '../domain/vocabulary.js';

export interface Eloket {
  id: string;
  name: string;
  main: boolean;
}

export const MAIN_ELOKET_NAMES: Record<(typeof MAIN_ELOKETTEN)[number], string> = {
  'mijn-burgerprofiel': 'Mijn Burgerprofiel',
  'e-loket-ondernemers': 'E-loket voor ondernemers',
  verenigingsloket: 'Verenigingsloket',
  'loket-lokale-besturen': 'Loket voor Lokale Besturen',
};

export interface EloketRegistry {
  list(): Promise<Eloket[]>;
  register(id: string, name: string): Promise<void>;
}

export function dynamoEloketRegistry(client: DynamoDBDocumentClient, table: string): EloketRegistry {
  return {
    async list() {
      const main: Eloket[] = MAIN_ELOKETTEN.map((id) => ({ id, name: MAIN_ELOKET_NAMES[id], main: true }));
      const thematic: Eloket[] = [];
      const pages = paginateQuery(
        { client },
        { TableName: table, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'ELOKET' } },
      );
      for await (const page of pages)
        for (const i of page.Items ?? []) thematic.push({ id: String(i.sk), name: String(i.name), main: false });
      return [...main, ...thematic.filter((t) => !main.some((m) => m.id === t.id))];
    },
    async register(id, name) {
      await client.send(new PutCommand({ TableName: table, Item: { pk: 'ELOKET', sk: id, name } }));
    },
  };
}
