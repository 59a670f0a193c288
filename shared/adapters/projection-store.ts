// Projections (the indicators) live in their own table. A service's projection
// is a recomputation from all its stored assessments; assessments are never
// deleted, so a projection built from fewer of them is older and may not
// overwrite one built from more.
import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { ReportPublishedV1 } from '../../events/report-published.js';
import type { ServiceProjection } from '../domain/service-view.js';
import { loadSummary, storeSummary, type CountsSummary } from '../domain/service-counts.js';
import { decodeJson, encodeJson } from './json-attribute.js';

export interface CountsProjection {
  eloket: string;
  period: string;
  version: number;
  reportId: string;
  submittedAt: string;
  summary: CountsSummary;
}

export interface ProjectionStore {
  putService(p: ServiceProjection): Promise<'written' | 'stale'>;
  getService(organisationId: string, serviceId: string): Promise<ServiceProjection | null>;
  listServices(): Promise<ServiceProjection[]>;
  /** writes an e-loket period's figures unless a newer version is already there */
  putCounts(p: CountsProjection): Promise<'written' | 'stale'>;
  /** every reported period of an e-loket whose id starts with `periodPrefix` (e.g. a year) */
  listCounts(eloket: string, periodPrefix?: string): Promise<CountsProjection[]>;
  recordReport(event: ReportPublishedV1): Promise<void>;
  listReports(): Promise<ReportPublishedV1[]>;
}

const serviceKey = (o: string, s: string) => ({ pk: `SVC#${o}#${s}`, sk: 'PROJECTION' });

export function dynamoProjectionStore(client: DynamoDBClient, table: string): ProjectionStore {
  /** Every item of a kind, each mapped as its page arrives, so raw pages are not all held at once. */
  async function scanKind<T>(kind: string, map: (item: Record<string, unknown>) => T): Promise<T[]> {
    const out: T[] = [];
    let start: ScanCommand['input']['ExclusiveStartKey'];
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: table,
          FilterExpression: 'kind = :k',
          ExpressionAttributeValues: marshall({ ':k': kind }),
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) out.push(map(unmarshall(item)));
      start = page.LastEvaluatedKey;
    } while (start);
    return out;
  }

  return {
    async putService(p) {
      try {
        await client.send(
          new PutItemCommand({
            TableName: table,
            Item: marshall({
              ...serviceKey(p.organisationId, p.serviceId),
              kind: 'service',
              assessmentCount: p.assessments.length,
              projection: JSON.stringify(p),
            }),
            ConditionExpression: 'attribute_not_exists(pk) OR assessmentCount <= :n',
            ExpressionAttributeValues: marshall({ ':n': p.assessments.length }),
          }),
        );
        return 'written';
      } catch (err) {
        if (err instanceof ConditionalCheckFailedException) return 'stale';
        throw err;
      }
    },
    async getService(o, s) {
      const out = await client.send(new GetItemCommand({ TableName: table, Key: marshall(serviceKey(o, s)), ConsistentRead: true }));
      return out.Item ? (JSON.parse(String(unmarshall(out.Item).projection)) as ServiceProjection) : null;
    },
    async listServices() {
      const services = await scanKind('service', (i) => JSON.parse(String(i.projection)) as ServiceProjection);
      return services.sort((a, b) => a.organisationId.localeCompare(b.organisationId) || a.serviceId.localeCompare(b.serviceId));
    },
    async putCounts(p) {
      try {
        await client.send(
          new PutItemCommand({
            TableName: table,
            Item: {
              ...marshall({
                pk: `COUNTS#${p.eloket}`,
                sk: p.period,
                kind: 'counts',
                version: p.version,
                reportId: p.reportId,
                submittedAt: p.submittedAt,
              }),
              summary: encodeJson(storeSummary(p.summary)),
            },
            // A late, older version never overwrites a newer one.
            ConditionExpression: 'attribute_not_exists(pk) OR version <= :v',
            ExpressionAttributeValues: marshall({ ':v': p.version }),
          }),
        );
        return 'written';
      } catch (err) {
        if (err instanceof ConditionalCheckFailedException) return 'stale';
        throw err;
      }
    },
    async listCounts(eloket, periodPrefix = '') {
      const out: CountsProjection[] = [];
      let start: QueryCommand['input']['ExclusiveStartKey'];
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: table,
            // DynamoDB refuses an empty begins_with prefix.
            KeyConditionExpression: periodPrefix ? 'pk = :pk AND begins_with(sk, :p)' : 'pk = :pk',
            ExpressionAttributeValues: marshall(
              periodPrefix ? { ':pk': `COUNTS#${eloket}`, ':p': periodPrefix } : { ':pk': `COUNTS#${eloket}` },
            ),
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) {
          const { summary, ...rest } = item;
          const r = unmarshall(rest);
          out.push({
            eloket,
            period: String(r.sk),
            version: Number(r.version),
            reportId: String(r.reportId),
            submittedAt: String(r.submittedAt),
            summary: loadSummary(decodeJson(summary) as never),
          });
        }
        start = page.LastEvaluatedKey;
      } while (start);
      return out;
    },
    async recordReport(event) {
      await client.send(
        new PutItemCommand({
          TableName: table,
          Item: marshall({ pk: `REPORT#${event.payload.period}`, sk: 'PUBLISHED', kind: 'report', event: JSON.stringify(event) }),
        }),
      );
    },
    async listReports() {
      const reports = await scanKind('report', (i) => JSON.parse(String(i.event)) as ReportPublishedV1);
      return reports.sort((a, b) => a.payload.period.localeCompare(b.payload.period));
    },
  };
}
