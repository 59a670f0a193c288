// Projections (the indicators) live in their own table. A service's projection
// is a recomputation from all its stored assessments; assessments are never
// deleted, so a projection built from fewer of them is older and may not
// overwrite one built from more.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, paginateQuery, paginateScan, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
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

export function dynamoProjectionStore(client: DynamoDBDocumentClient, table: string): ProjectionStore {
  /** Every item of a kind, each mapped as its page arrives, so raw pages are not all held at once. */
  async function scanKind<T>(kind: string, map: (item: Record<string, unknown>) => T): Promise<T[]> {
    const out: T[] = [];
    const pages = paginateScan({ client }, { TableName: table, FilterExpression: 'kind = :k', ExpressionAttributeValues: { ':k': kind } });
    for await (const page of pages) for (const item of page.Items ?? []) out.push(map(item));
    return out;
  }

  /** A conditional write that an older state may not make: 'stale' when the condition says it is older. */
  async function putUnlessNewer(put: PutCommand): Promise<'written' | 'stale'> {
    try {
      await client.send(put);
      return 'written';
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return 'stale';
      throw err;
    }
  }

  return {
    putService: (p) =>
      putUnlessNewer(
        new PutCommand({
          TableName: table,
          Item: {
            ...serviceKey(p.organisationId, p.serviceId),
            kind: 'service',
            assessmentCount: p.assessments.length,
            projection: JSON.stringify(p),
          },
          ConditionExpression: 'attribute_not_exists(pk) OR assessmentCount <= :n',
          ExpressionAttributeValues: { ':n': p.assessments.length },
        }),
      ),
    async getService(o, s) {
      const out = await client.send(new GetCommand({ TableName: table, Key: serviceKey(o, s), ConsistentRead: true }));
      return out.Item ? (JSON.parse(String(out.Item.projection)) as ServiceProjection) : null;
    },
    async listServices() {
      const services = await scanKind('service', (i) => JSON.parse(String(i.projection)) as ServiceProjection);
      return services.sort((a, b) => a.organisationId.localeCompare(b.organisationId) || a.serviceId.localeCompare(b.serviceId));
    },
    putCounts: (p) =>
      putUnlessNewer(
        new PutCommand({
          TableName: table,
          Item: {
            pk: `COUNTS#${p.eloket}`,
            sk: p.period,
            kind: 'counts',
            version: p.version,
            reportId: p.reportId,
            submittedAt: p.submittedAt,
            summary: encodeJson(storeSummary(p.summary)),
          },
          // A late, older version never overwrites a newer one.
          ConditionExpression: 'attribute_not_exists(pk) OR version <= :v',
          ExpressionAttributeValues: { ':v': p.version },
        }),
      ),
    async listCounts(eloket, periodPrefix = '') {
      const out: CountsProjection[] = [];
      const pages = paginateQuery(
        { client },
        {
          TableName: table,
          // DynamoDB refuses an empty begins_with prefix.
          KeyConditionExpression: periodPrefix ? 'pk = :pk AND begins_with(sk, :p)' : 'pk = :pk',
          ExpressionAttributeValues: periodPrefix ? { ':pk': `COUNTS#${eloket}`, ':p': periodPrefix } : { ':pk': `COUNTS#${eloket}` },
          ConsistentRead: true,
        },
      );
      for await (const page of pages) {
        for (const r of page.Items ?? []) {
          out.push({
            eloket,
            period: String(r.sk),
            version: Number(r.version),
            reportId: String(r.reportId),
            submittedAt: String(r.submittedAt),
            summary: loadSummary(decodeJson(r.summary) as never),
          });
        }
      }
      return out;
    },
    async recordReport(event) {
      await client.send(
        new PutCommand({
          TableName: table,
          Item: { pk: `REPORT#${event.payload.period}`, sk: 'PUBLISHED', kind: 'report', event: JSON.stringify(event) },
        }),
      );
    },
    async listReports() {
      const reports = await scanKind('report', (i) => JSON.parse(String(i.event)) as ReportPublishedV1);
      return reports.sort((a, b) => a.payload.period.localeCompare(b.payload.period));
    },
  };
}
