// Projections (what the figures are computed from) live in their own table,
// every item bounded whatever the history (design §5): one row per assessment
// (written from its event alone, so a replay writes the same row), one per
// decision, one per planned service of a plan (a corrected plan replaces its
// entries), an e-loket period's current figures (a late older version never
// overwrites a newer one), and the record of each published report.
// Every kind that is read whole is read through the byKind index (kind-index.ts); only rebuild scans the table.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  paginateQuery,
  paginateScan,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { PlanSubmittedV1 } from '../../events/plan-submitted.js';
import type { PlannedEntry } from '../domain/as-of.js';
import type { PlanHead } from '../domain/report/feedback-input.js';
import { rowScores, type AssessmentRow } from '../domain/assessment-row.js';
import type { DecisionFact } from '../domain/lifecycle/agenda.js';
import type { ReportPublishedV1 } from '../../events/report-published.js';
import type { ReportOutcome } from '../domain/report-request.js';
import { loadSummary, storeSummary, type CountsSummary } from '../domain/service-counts.js';
import { decodeJson, encodeJson } from './json-attribute.js';
import {
  INDEXED_KINDS,
  KIND_PAGE_ITEMS,
  KIND_SHARD_ATTRIBUTE,
  kindShardOf,
  readKinds,
  withKindShard,
  type IndexedKind,
} from './kind-index.js';

export interface CountsProjection {
  eloket: string;
  period: string;
  version: number;
  reportId: string;
  submittedAt: string;
  summary: CountsSummary;
}

export interface ProjectionStore {
  /** writes an e-loket period's figures unless a newer version is already there */
  putCounts(p: CountsProjection): Promise<'written' | 'stale'>;
  /** every reported period of an e-loket whose id starts with `periodPrefix` (e.g. a year) */
  listCounts(eloket: string, periodPrefix?: string): Promise<CountsProjection[]>;
  /** one bounded item per assessment; writing the same row again changes nothing */
  putAssessmentRow(row: AssessmentRow): Promise<void>;
  /**
   * Many rows in as few requests as the store allows (25 a request); the same
   * row twice is written once. Returns the rows that could not be written
   * (after retries), so their records alone are retried.
   */
  putAssessmentRows(rows: readonly AssessmentRow[]): Promise<{ failed: AssessmentRow[]; error?: unknown }>;
  /** every assessment row, page by page (the as-of selection streams them) */
  assessmentRows(): AsyncIterable<AssessmentRow>;
  /** the rows of one service */
  serviceRows(organisationId: string, serviceId: string): Promise<AssessmentRow[]>;
  /** an assessment by its id (eventually consistent: a new one shows once projected) */
  findAssessment(assessmentId: string): Promise<AssessmentRow | null>;
  putDecision(decision: DecisionFact & { recordedAt: string }): Promise<void>;
  decisions(): AsyncIterable<DecisionFact & { recordedAt: string }>;
  /** an organisation's plan for a year, whole: entries of services it dropped are removed */
  putPlan(plan: PlanSubmittedV1['payload']): Promise<'written' | 'stale'>;
  plannedEntries(): AsyncIterable<PlannedEntry>;
  /** every organisation's plan per year, empty ones too (the yearly report's providers without a plan) */
  planHeads(): AsyncIterable<PlanHead>;
  /** a service's entry in its latest plan (by year), if any */
  latestPlannedEntry(organisationId: string, serviceId: string): Promise<PlannedEntry | null>;
  /** the record of a period's publication, and of its report id's outcome (published) */
  recordReport(event: ReportPublishedV1): Promise<void>;
  listReports(): Promise<ReportPublishedV1[]>;
  /**
   * A failed attempt to publish a report: counted, with its reason. Never
   * overwrites a publication (a late failure of a duplicate delivery).
   */
  recordReportFailure(failure: Omit<Extract<ReportOutcome, { kind: 'failed' }>, 'kind' | 'failedAttempts'>): Promise<void>;
  /** what became of a report id, if the publisher recorded anything yet */
  reportOutcome(reportId: string): Promise<ReportOutcome | null>;
  /** the record of a period's publication, if its reports were published */
  publishedReport(period: string): Promise<ReportPublishedV1 | null>;
  /**
   * Gives every item of an indexed kind that lacks it its `byKind` index
   * attribute (items stored before the index existed), so the reads by kind
   * see them: one Scan of the table, for `rebuild`. Returns how many it updated.
   */
  indexUnindexedItems(): Promise<number>;
}

const servicePk = (o: string, s: string) => `SVC#${o}#${s}`;
const rowSk = (r: Pick<AssessmentRow, 'assessedOn' | 'submittedAt' | 'assessmentId'>) =>
  `A#${r.assessedOn}#${r.submittedAt}#${r.assessmentId}`;
/** BatchWriteItem's limit. */
const BATCH_WRITE_MAX = 25;
/** Rounds for what the store left unprocessed (throttling) before giving those rows back as failed. */
const UNPROCESSED_ROUNDS = 6;
/** Index attributes written at once by the backfill of older items. */
const UPDATES_IN_FLIGHT = 16;
/** Chunks in flight at once: enough to hide a round trip, few enough not to flood one partition. */
const CHUNKS_IN_FLIGHT = 4;
/** A row as stored: without its scores and bands, which its answer letters give again on reading (rowScores). */
const rowItem = ({ scores: _scores, bands: _bands, ...row }: AssessmentRow) =>
  withKindShard('assessment', { pk: servicePk(row.organisationId, row.serviceId), sk: rowSk(row), ...row });
const planHeadKey = (o: string, year: number) => ({ pk: `PLAN#${o}`, sk: String(year) });
const plannedSk = (year: number) => `P#${year}`;
const outcomeKey = (reportId: string) => ({ pk: `REPORTID#${reportId}`, sk: 'OUTCOME' });

export function dynamoProjectionStore(client: DynamoDBDocumentClient, table: string): ProjectionStore {
  /** Every item of a kind, page by page from its index shards, without reading the table's other kinds. */
  const streamKind = <T>(kind: IndexedKind, map: (item: Record<string, unknown>) => T) => readKinds(client, table, [kind], map);

  const toRow = (i: Record<string, unknown>): AssessmentRow => {
    // Rows stored before scores and bands were left out still carry them: the letters decide either way.
    // Rows stored before `source` was left out carry their submission's key, which their ids give (assessmentKey).
    const { pk: _pk, sk: _sk, kind: _kind, kindShard: _shard, scores: _scores, bands: _bands, source: _source, ...row } = i;
    const stored = row as unknown as Omit<AssessmentRow, 'scores' | 'bands'>;
    return { ...stored, ...rowScores(stored) };
  };
  const toDecision = (i: Record<string, unknown>): DecisionFact & { recordedAt: string } => {
    const { pk: _pk, sk: _sk, kind: _kind, kindShard: _shard, ...d } = i;
    return d as unknown as DecisionFact & { recordedAt: string };
  };

  const toPlanned = (i: Record<string, unknown>): PlannedEntry => {
    const { pk: _pk, sk: _sk, kind: _kind, kindShard: _shard, planKind, ...e } = i;
    return { ...e, kind: planKind } as unknown as PlannedEntry;
  };

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
    async putAssessmentRow(row) {
      await client.send(new PutCommand({ TableName: table, Item: rowItem(row) }));
    },
    async putAssessmentRows(rows) {
      // BatchWriteItem refuses a request that names one key twice; a replayed record is the same row anyway.
      const byKey = new Map<string, AssessmentRow>();
      for (const row of rows) byKey.set(`${servicePk(row.organisationId, row.serviceId)}\u0000${rowSk(row)}`, row);
      const unique = [...byKey.values()];
      const chunks: AssessmentRow[][] = [];
      for (let i = 0; i < unique.length; i += BATCH_WRITE_MAX) chunks.push(unique.slice(i, i + BATCH_WRITE_MAX));
      const failed: AssessmentRow[] = [];
      let error: unknown;
      const writeChunk = async (chunk: AssessmentRow[]) => {
        let pending = chunk.map((row) => ({ row, request: { PutRequest: { Item: rowItem(row) } } }));
        try {
          for (let round = 0; pending.length > 0; round++) {
            if (round > 0) await new Promise((r) => setTimeout(r, Math.min(1_000, 25 * 2 ** round)));
            if (round === UNPROCESSED_ROUNDS) break;
            const out = await client.send(new BatchWriteCommand({ RequestItems: { [table]: pending.map((p) => p.request) } }));
            const left = new Set(
              (out.UnprocessedItems?.[table] ?? []).map((r) => `${r.PutRequest?.Item?.pk}\u0000${r.PutRequest?.Item?.sk}`),
            );
            pending = pending.filter((p) => left.has(`${p.request.PutRequest.Item.pk}\u0000${p.request.PutRequest.Item.sk}`));
          }
          failed.push(...pending.map((p) => p.row));
        } catch (err) {
          error = err;
          failed.push(...pending.map((p) => p.row));
        }
      };
      for (let i = 0; i < chunks.length; i += CHUNKS_IN_FLIGHT) await Promise.all(chunks.slice(i, i + CHUNKS_IN_FLIGHT).map(writeChunk));
      return error === undefined ? { failed } : { failed, error };
    },
    assessmentRows: () => streamKind('assessment', toRow),
    async serviceRows(o, s) {
      const out: AssessmentRow[] = [];
      const pages = paginateQuery(
        { client },
        {
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
          ExpressionAttributeValues: { ':pk': servicePk(o, s), ':a': 'A#' },
        },
      );
      for await (const page of pages) for (const item of page.Items ?? []) out.push(toRow(item));
      return out;
    },
    async findAssessment(assessmentId) {
      const out = await client.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'byAssessment',
          KeyConditionExpression: 'assessmentId = :id',
          ExpressionAttributeValues: { ':id': assessmentId },
        }),
      );
      const item = out.Items?.find((i) => i.kind === 'assessment');
      return item ? toRow(item) : null;
    },
    async putDecision(d) {
      // Not `assessmentId` at the top level: the index finds assessments only.
      const { assessmentId, ...rest } = d;
      await client.send(
        new PutCommand({
          TableName: table,
          Item: withKindShard('decision', {
            pk: servicePk(d.organisationId, d.serviceId),
            sk: `D#${d.recordedAt}#${d.decisionId}`,
            decidedOnAssessment: assessmentId,
            ...rest,
          }),
        }),
      );
    },
    decisions: () =>
      streamKind('decision', (i) => {
        const { decidedOnAssessment, ...d } = toDecision(i) as DecisionFact & { recordedAt: string; decidedOnAssessment: string };
        return { ...d, assessmentId: decidedOnAssessment };
      }),
    async putPlan(plan) {
      const head = planHeadKey(plan.organisationId, plan.year);
      const before = (await client.send(new GetCommand({ TableName: table, Key: head, ConsistentRead: true }))).Item;
      if (before && Number(before.version) > plan.version) return 'stale';
      // Entries first, the head last: a crash in between leaves the old head, and a replay redoes it all.
      for (const s of plan.services) {
        await client.send(
          new PutCommand({
            TableName: table,
            // `kind` names the item's kind in this table: the plan's own kind is stored as planKind.
            Item: withKindShard('planned', {
              pk: servicePk(plan.organisationId, s.serviceId),
              sk: plannedSk(plan.year),
              organisationId: plan.organisationId,
              year: plan.year,
              version: plan.version,
              submittedAt: plan.submittedAt,
              ...s,
              planKind: s.kind,
            }),
          }),
        );
      }
      const kept = new Set(plan.services.map((s) => s.serviceId));
      for (const dropped of ((before?.serviceIds as string[] | undefined) ?? []).filter((id) => !kept.has(id))) {
        await client
          .send(
            new DeleteCommand({
              TableName: table,
              Key: { pk: servicePk(plan.organisationId, dropped), sk: plannedSk(plan.year) },
              ConditionExpression: 'attribute_not_exists(pk) OR version < :v',
              ExpressionAttributeValues: { ':v': plan.version },
            }),
          )
          .catch((err: unknown) => {
            if (!(err instanceof ConditionalCheckFailedException)) throw err;
          });
      }
      return putUnlessNewer(
        new PutCommand({
          TableName: table,
          Item: withKindShard('plan', {
            ...head,
            organisationId: plan.organisationId,
            year: plan.year,
            version: plan.version,
            submittedAt: plan.submittedAt,
            serviceIds: [...kept],
          }),
          ConditionExpression: 'attribute_not_exists(pk) OR version <= :v',
          ExpressionAttributeValues: { ':v': plan.version },
        }),
      );
    },
    plannedEntries: () => streamKind('planned', toPlanned),
    planHeads: () =>
      streamKind('plan', (i) => ({
        organisationId: String(i.organisationId),
        year: Number(i.year),
        submittedAt: typeof i.submittedAt === 'string' ? i.submittedAt : undefined,
      })),
    async latestPlannedEntry(o, s) {
      const out = await client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
          ExpressionAttributeValues: { ':pk': servicePk(o, s), ':p': 'P#' },
          ScanIndexForward: false,
          Limit: 1,
          ConsistentRead: true,
        }),
      );
      return out.Items?.[0] ? toPlanned(out.Items[0]) : null;
    },
    async recordReport(event) {
      const p = event.payload;
      // Its `kind` (published, failed) is the item's kind in this table too.
      const outcome: ReportOutcome = {
        kind: 'published',
        reportId: p.reportId,
        period: p.period,
        at: event.metadata.occurredAt,
        publicKeys: p.publicKeys,
        committeeKeys: p.committeeKeys,
      };
      // The period's record first: once a report id says published, the period counts as published too.
      await client.send(
        new PutCommand({
          TableName: table,
          Item: withKindShard('report', { pk: `REPORT#${p.period}`, sk: 'PUBLISHED', event: JSON.stringify(event) }),
        }),
      );
      await client.send(new PutCommand({ TableName: table, Item: { ...outcomeKey(p.reportId), ...outcome } }));
    },
    async recordReportFailure(f) {
      await client
        .send(
          new UpdateCommand({
            TableName: table,
            Key: outcomeKey(f.reportId),
            UpdateExpression:
              'SET #kind = :failed, reportId = :id, period = :period, #at = :at, reason = :reason, refused = :refused, attemptsAllowed = :allowed ADD failedAttempts :one',
            // A publication stands: a failing duplicate delivery does not undo it.
            ConditionExpression: 'attribute_not_exists(#kind) OR #kind <> :published',
            ExpressionAttributeNames: { '#kind': 'kind', '#at': 'at' },
            ExpressionAttributeValues: {
              ':failed': 'failed',
              ':published': 'published',
              ':id': f.reportId,
              ':period': f.period,
              ':at': f.at,
              ':reason': f.reason,
              ':refused': f.refused,
              ':allowed': f.attemptsAllowed,
              ':one': 1,
            },
          }),
        )
        .catch((err: unknown) => {
          if (!(err instanceof ConditionalCheckFailedException)) throw err;
        });
    },
    async reportOutcome(reportId) {
      const out = await client.send(new GetCommand({ TableName: table, Key: outcomeKey(reportId), ConsistentRead: true }));
      if (!out.Item) return null;
      const { pk: _pk, sk: _sk, ...item } = out.Item;
      return item as ReportOutcome;
    },
    async listReports() {
      const reports: ReportPublishedV1[] = [];
      for await (const r of streamKind('report', (i) => JSON.parse(String(i.event)) as ReportPublishedV1)) reports.push(r);
      return reports.sort((a, b) => a.payload.period.localeCompare(b.payload.period));
    },
    async indexUnindexedItems() {
      let updated = 0;
      const kinds = Object.fromEntries(INDEXED_KINDS.map((k, i) => [`:k${i}`, k]));
      const pages = paginateScan(
        { client },
        {
          TableName: table,
          FilterExpression: `kind IN (${Object.keys(kinds).join(', ')}) AND attribute_not_exists(${KIND_SHARD_ATTRIBUTE})`,
          ExpressionAttributeValues: kinds,
          ProjectionExpression: 'pk, sk, kind',
          // Small pages: DynamoDB Local's time for a page grows faster than the page (kind-index.ts).
          Limit: KIND_PAGE_ITEMS,
        },
      );
      const index = async (i: Record<string, unknown>) => {
        const key = { pk: String(i.pk), sk: String(i.sk) };
        const kind = i.kind as IndexedKind;
        await client
          .send(
            new UpdateCommand({
              TableName: table,
              Key: key,
              UpdateExpression: `SET ${KIND_SHARD_ATTRIBUTE} = :shard`,
              // Never brings back an item deleted meanwhile (a dropped plan entry) as a stub.
              ConditionExpression: 'kind = :kind',
              ExpressionAttributeValues: { ':shard': kindShardOf(kind, key), ':kind': kind },
            }),
          )
          .then(
            () => (updated += 1),
            (err: unknown) => {
              if (!(err instanceof ConditionalCheckFailedException)) throw err;
            },
          );
      };
      for await (const page of pages) {
        const items = page.Items ?? [];
        for (let n = 0; n < items.length; n += UPDATES_IN_FLIGHT) await Promise.all(items.slice(n, n + UPDATES_IN_FLIGHT).map(index));
      }
      return updated;
    },
    async publishedReport(period) {
      const out = await client.send(new GetCommand({ TableName: table, Key: { pk: `REPORT#${period}`, sk: 'PUBLISHED' } }));
      return out.Item ? (JSON.parse(String(out.Item.event)) as ReportPublishedV1) : null;
    },
  };
}
