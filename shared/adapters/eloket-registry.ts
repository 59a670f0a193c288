// The e-loketten: the four main ones are fixed; thematic ones are registered
// by operators (npm run dds -- eloketten add) and kept in the control table.
import { PutItemCommand, QueryCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
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

export function dynamoEloketRegistry(client: DynamoDBClient, table: string): EloketRegistry {
  return {
    async list() {
      const main = MAIN_ELOKETTEN.map((id) => ({ id, name: MAIN_ELOKET_NAMES[id], main: true }));
      const out = await client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: marshall({ ':pk': 'ELOKET' }),
        }),
      );
      const thematic = (out.Items ?? []).map((i) => unmarshall(i)).map((i) => ({ id: String(i.sk), name: String(i.name), main: false }));
      return [...main, ...thematic.filter((t) => !main.some((m) => m.id === t.id))];
    },
    async register(id, name) {
      await client.send(new PutItemCommand({ TableName: table, Item: marshall({ pk: 'ELOKET', sk: id, name }) }));
    },
  };
}
