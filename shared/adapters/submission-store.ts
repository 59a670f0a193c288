// The submissions table: every accepted submission stored once as its event,
// optionally under an idempotency record written in the same transaction.
import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException, TransactionCanceledException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  paginateQuery,
  paginateScan,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type NativeAttributeValue,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { upcastAssessment, type AssessmentSubmittedV2 } from '../../events/assessment-submitted.js';
import type { EventOf } from '../../events/index.js';
import type { ReportRequestedV1 } from '../../events/report-requested.js';
import type { DecisionRecordedV1 } from '../../events/decision-recorded.js';
import type { PlanSubmittedV1 } from '../../events/plan-submitted.js';
import type { ServiceCountsReportedV1 } from '../../events/service-counts-reported.js';
import type { DecisionFact } from '../domain/lifecycle/agenda.js';
import type { ExplainedAnswer } from '../domain/report/period-selection.js';
import { canonicalJson } from '../domain/canonical-json.js';
import { explainedAnswersOf } from '../domain/assessment-row.js';
import type { StoredAssessment } from '../domain/service-view.js';
import {
  assessmentKey,
  countsPk,
  countsSk,
  eventToItem,
  itemToEventOf,
  planPk,
  servicePk,
  type AssessmentIds,
  type SubmissionEvent,
} from './submission-items.js';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export interface IdempotencyClaim {
  scope: string;
  key: string;
  requestHash: string;
  /** the response to replay for the same request */
  response: unknown;
}

export type StoreOutcome = { kind: 'stored' } | { kind: 'replay'; response: unknown } | { kind: 'key-reused' };

/** Writing a counts report as a given version: `version-taken` when another write has that version. */
export type CountsWriteOutcome = StoreOutcome | { kind: 'version-taken' };

export interface SubmissionStore {
  putAssessment(event: AssessmentSubmittedV2, idempotency?: IdempotencyClaim): Promise<StoreOutcome>;
  /**
   * Stores an e-loket's report for a period as the version its payload names,
   * only if no report has that version yet: the caller reads the latest
   * version, and takes the next one again when it lost the race.
   */
  appendServiceCounts(event: ServiceCountsReportedV1, idempotency?: IdempotencyClaim): Promise<CountsWriteOutcome>;
  /**
   * The next version for an e-loket's period, from a counter (one atomic
   * update, so racing corrections each get their own), never at or below
   * `stored`, the latest version read from the table.
   */
  nextCountsVersion(eloket: string, period: string, stored: number): Promise<number>;
  /** What an idempotency key already stands for: `stored` when it is new. Nothing is written. */
  checkIdempotency(idempotency: IdempotencyClaim): Promise<StoreOutcome>;
  /** Records an idempotency key and its answer when nothing new is stored (`stored`: the key is now claimed). */
  claimIdempotency(idempotency: IdempotencyClaim): Promise<StoreOutcome>;
  /** Which of these periods the e-loket has reported (any version). */
  reportedCountsPeriods(eloket: string, periods: readonly string[]): Promise<Set<string>>;
  putReportRequest(event: ReportRequestedV1): Promise<void>;
  /** whether this report was requested (its request is stored under its period) */
  reportRequested(period: string, reportId: string): Promise<boolean>;
  /** stores the next version of an organisation's plan for a year; `build` gets that version */
  putPlan(
    build: (version: number) => { event: PlanSubmittedV1; idempotency?: IdempotencyClaim },
  ): Promise<StoreOutcome & { version?: number }>;
  putDecision(event: DecisionRecordedV1): Promise<void>;
  latestPlan(organisationId: string, year: number): Promise<PlanSubmittedV1 | null>;
  listServiceAssessments(organisationId: string, serviceId: string): Promise<StoredAssessment[]>;
  /** the committee's decisions on a service's assessments */
  listServiceDecisions(organisationId: string, serviceId: string): Promise<Array<DecisionFact & { recordedAt: string }>>;
  latestServiceCounts(eloket: string, period: string): Promise<ServiceCountsReportedV1 | null>;
  /** one version of an e-loket's report for a period (the one a projection names) */
  serviceCountsVersion(eloket: string, period: string, version: number): Promise<ServiceCountsReportedV1 | null>;
  /** every stored assessment, page by page (for rebuilds) */
  allAssessments(): AsyncIterable<StoredAssessment>;
  /** every stored counts report, every version (for rebuilds) */
  allServiceCounts(): AsyncIterable<ServiceCountsReportedV1>;
  /** the explained answers (no, not_applicable) of these assessments, read from their stored submissions */
  explainedAnswers(list: readonly AssessmentIds[]): Promise<Map<string, ExplainedAnswer[]>>;
  /** every stored event of a type, any version, page by page (for rebuilds) */
  allEvents<T extends SubmissionEvent['metadata']['type']>(type: T): AsyncIterable<EventOf<T>>;
}

/** A request body's fingerprint for idempotency: canonical JSON, so key order does not matter (design §3). */
export const hashRequest = (body: unknown): string => createHash('sha256').update(canonicalJson(body)).digest('hex');

function toStored(item: Record<string, NativeAttributeValue>): StoredAssessment {
  const p = upcastAssessment(itemToEventOf(item, 'AssessmentSubmitted'));
  return { assessmentId: p.assessmentId, submittedAt: p.submittedAt, submission: p.submission };
}

export function dynamoSubmissionStore(
  client: DynamoDBDocumentClient,
  tables: { submissions: string; control?: string },
  now: () => Date = () => new Date(),
): SubmissionStore {
  const newItem = (event: SubmissionEvent) => ({
    TableName: tables.submissions,
    Item: eventToItem(event),
    ConditionExpression: 'attribute_not_exists(pk)',
  });

  const controlTable = (what: string): string => {
    if (!tables.control) throw new Error(`${what} needs the control table`);
    return tables.control;
  };
  const idempotencyKeyOf = (idempotency: IdempotencyClaim) => ({
    pk: `IDEMP#${idempotency.scope}#${createHash('sha256').update(idempotency.key).digest('hex')}`,
    sk: 'IDEMP',
  });

  /** The idempotency record, written only where none is (or only an expired one). */
  function idempotencyPut(idempotency: IdempotencyClaim) {
    const epoch = Math.floor(now().getTime() / 1000);
    return {
      TableName: controlTable('idempotency'),
      Item: {
        ...idempotencyKeyOf(idempotency),
        requestHash: idempotency.requestHash,
        response: JSON.stringify(idempotency.response),
        expiresAt: epoch + IDEMPOTENCY_TTL_SECONDS,
      },
      // An expired record that TTL has not removed yet no longer counts.
      ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
      ExpressionAttributeValues: { ':now': epoch },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    };
  }

  /** What an idempotency record already there means for this request. */
  function earlierClaim(old: Record<string, AttributeValue>, idempotency: IdempotencyClaim): StoreOutcome {
    // Condition failures carry the old item in DynamoDB's own format, even through the document client.
    return earlierRecord(unmarshall(old), idempotency);
  }

  function earlierRecord(record: Record<string, NativeAttributeValue>, idempotency: IdempotencyClaim): StoreOutcome {
    if (record.requestHash !== idempotency.requestHash) return { kind: 'key-reused' };
    return { kind: 'replay', response: JSON.parse(String(record.response)) };
  }

  /** Writes the event, with its idempotency record in the same transaction when there is one. */
  async function store(event: SubmissionEvent, idempotency?: IdempotencyClaim): Promise<StoreOutcome> {
    if (!idempotency) {
      await client.send(new PutCommand(newItem(event)));
      return { kind: 'stored' };
    }
    try {
      await client.send(new TransactWriteCommand({ TransactItems: [{ Put: idempotencyPut(idempotency) }, { Put: newItem(event) }] }));
      return { kind: 'stored' };
    } catch (err) {
      const reasons = err instanceof TransactionCanceledException ? err.CancellationReasons : undefined;
      const old = reasons?.[0]?.Item;
      if (old) return earlierClaim(old, idempotency);
      // The submission's own condition failed: surface it as the single-put path does.
      if (reasons?.[1]?.Code === 'ConditionalCheckFailed')
        throw new ConditionalCheckFailedException({ message: 'submission exists', $metadata: {} });
      throw err;
    }
  }

  async function* scanType(type: string): AsyncIterable<Record<string, NativeAttributeValue>> {
    const pages = paginateScan(
      { client },
      {
        TableName: tables.submissions,
        FilterExpression: '#t = :t',
        ExpressionAttributeNames: { '#t': 'type' },
        ExpressionAttributeValues: { ':t': type },
      },
    );
    for await (const page of pages) yield* page.Items ?? [];
  }

  /** The newest version stored under a partition (versions sort by their zero-padded sort key). */
  async function latestVersionItem(pk: string): Promise<Record<string, NativeAttributeValue> | null> {
    const out = await client.send(
      new QueryCommand({
        TableName: tables.submissions,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeValues: { ':pk': pk, ':v': 'V#' },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return out.Items?.[0] ?? null;
  }

  async function latestCounts(eloket: string, period: string): Promise<ServiceCountsReportedV1 | null> {
    const item = await latestVersionItem(countsPk(eloket, period));
    return item ? itemToEventOf(item, 'ServiceCountsReported') : null;
  }

  async function latestPlan(organisationId: string, year: number): Promise<PlanSubmittedV1 | null> {
    const item = await latestVersionItem(planPk(organisationId, year));
    return item ? itemToEventOf(item, 'PlanSubmitted') : null;
  }

  /**
   * Stores the next version under a partition. Versions are allocated by a
   * conditional write: two writers racing for the same version cannot both
   * win; the loser takes the next one.
   */
  async function putNextVersion<E extends SubmissionEvent>(
    latestVersion: () => Promise<number>,
    build: (version: number) => { event: E; idempotency?: IdempotencyClaim },
  ): Promise<StoreOutcome & { version?: number }> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const version = (await latestVersion()) + 1;
      const { event, idempotency } = build(version);
      try {
        const outcome = await store(event, idempotency);
        return outcome.kind === 'stored' ? { ...outcome, version } : outcome;
      } catch (err) {
        if (err instanceof ConditionalCheckFailedException) continue;
        throw err;
      }
    }
    throw new Error('could not allocate a version after 5 attempts');
  }

  return {
    async putAssessment(event, idempotency) {
      try {
        return await store(event, idempotency);
      } catch (err) {
        // An assessment's key is new each time: its condition fails only when an earlier attempt of
        // this very write timed out on the way back and the SDK sent it again. It is stored.
        if (err instanceof ConditionalCheckFailedException) return { kind: 'stored' };
        throw err;
      }
    },

    async appendServiceCounts(event, idempotency) {
      try {
        return await store(event, idempotency);
      } catch (err) {
        if (err instanceof ConditionalCheckFailedException) return { kind: 'version-taken' };
        // Two transactions on the same items at once: DynamoDB cancels one; it is a lost race too.
        const reasons = err instanceof TransactionCanceledException ? (err.CancellationReasons ?? []) : [];
        if (reasons.some((r) => r.Code === 'TransactionConflict')) return { kind: 'version-taken' };
        throw err;
      }
    },

    async nextCountsVersion(eloket, period, stored) {
      const TableName = controlTable('allocating a counts version');
      const Key = { pk: `COUNTSVERSION#${eloket}#${period}`, sk: 'COUNTSVERSION' };
      const names = { '#v': 'version' };
      // Twice is enough: once the counter is moved up to the stored versions, nothing moves it back down.
      for (let round = 0; round < 3; round++) {
        try {
          const out = await client.send(
            new UpdateCommand({
              TableName,
              Key,
              UpdateExpression: 'SET #v = if_not_exists(#v, :stored) + :one',
              ConditionExpression: 'attribute_not_exists(#v) OR #v >= :stored',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: { ':stored': stored, ':one': 1 },
              ReturnValues: 'UPDATED_NEW',
            }),
          );
          return Number(out.Attributes?.version);
        } catch (err) {
          if (!(err instanceof ConditionalCheckFailedException)) throw err;
        }
        // The counter is behind the stored versions (a table restored on its own): move it up to
        // them, and allocate again. Whoever moves it first wins; the others just allocate again.
        try {
          await client.send(
            new UpdateCommand({
              TableName,
              Key,
              UpdateExpression: 'SET #v = :stored',
              ConditionExpression: '#v < :stored',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: { ':stored': stored },
            }),
          );
        } catch (err) {
          if (!(err instanceof ConditionalCheckFailedException)) throw err;
        }
      }
      throw new Error(`the version counter of ${eloket} ${period} stays below the stored version ${stored}`);
    },

    async checkIdempotency(idempotency) {
      const out = await client.send(
        new GetCommand({ TableName: controlTable('idempotency'), Key: idempotencyKeyOf(idempotency), ConsistentRead: true }),
      );
      const record = out.Item;
      if (!record || Number(record.expiresAt) < Math.floor(now().getTime() / 1000)) return { kind: 'stored' };
      return earlierRecord(record, idempotency);
    },

    async claimIdempotency(idempotency) {
      try {
        await client.send(new PutCommand(idempotencyPut(idempotency)));
        return { kind: 'stored' };
      } catch (err) {
        const old = err instanceof ConditionalCheckFailedException ? err.Item : undefined;
        if (old) return earlierClaim(old, idempotency);
        throw err;
      }
    },

    async reportedCountsPeriods(eloket, periods) {
      const found = await Promise.all(
        periods.map(async (period) => {
          const out = await client.send(
            new QueryCommand({
              TableName: tables.submissions,
              KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
              ExpressionAttributeValues: { ':pk': countsPk(eloket, period), ':v': 'V#' },
              ProjectionExpression: 'pk',
              Limit: 1,
              ConsistentRead: true,
            }),
          );
          return (out.Items?.length ?? 0) > 0 ? period : null;
        }),
      );
      return new Set(found.filter((p): p is string => p !== null));
    },

    async putReportRequest(event) {
      await store(event);
    },

    async reportRequested(period, reportId) {
      // A period holds a handful of requests: its items' keys are enough (sk ends with the report id).
      const pages = paginateQuery(
        { client },
        {
          TableName: tables.submissions,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
          ExpressionAttributeValues: { ':pk': `REPORT#${period}`, ':r': 'R#' },
          ProjectionExpression: 'sk',
          ConsistentRead: true,
        },
      );
      for await (const page of pages) if ((page.Items ?? []).some((i) => String(i.sk).endsWith(`#${reportId}`))) return true;
      return false;
    },

    putPlan(build) {
      const { organisationId, year } = build(1).event.payload;
      return putNextVersion(async () => (await latestPlan(organisationId, year))?.payload.version ?? 0, build);
    },

    async putDecision(event) {
      await store(event);
    },

    latestPlan,

    async listServiceAssessments(organisationId, serviceId) {
      const out: StoredAssessment[] = [];
      const pages = paginateQuery(
        { client },
        {
          TableName: tables.submissions,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
          ExpressionAttributeValues: { ':pk': servicePk(organisationId, serviceId), ':a': 'A#' },
          ConsistentRead: true,
        },
      );
      for await (const page of pages) for (const item of page.Items ?? []) out.push(toStored(item));
      return out;
    },

    async listServiceDecisions(organisationId, serviceId) {
      const out: Array<DecisionFact & { recordedAt: string }> = [];
      const pages = paginateQuery(
        { client },
        {
          TableName: tables.submissions,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :d)',
          ExpressionAttributeValues: { ':pk': servicePk(organisationId, serviceId), ':d': 'D#' },
          ConsistentRead: true,
        },
      );
      for await (const page of pages) for (const item of page.Items ?? []) out.push(itemToEventOf(item, 'DecisionRecorded').payload);
      return out;
    },

    latestServiceCounts: latestCounts,

    async serviceCountsVersion(eloket, period, version) {
      const out = await client.send(
        new GetCommand({
          TableName: tables.submissions,
          Key: { pk: countsPk(eloket, period), sk: countsSk(version) },
          ConsistentRead: true,
        }),
      );
      return out.Item ? itemToEventOf(out.Item, 'ServiceCountsReported') : null;
    },

    async *allAssessments() {
      for await (const item of scanType('AssessmentSubmitted')) yield toStored(item);
    },

    async *allServiceCounts() {
      for await (const item of scanType('ServiceCountsReported')) yield itemToEventOf(item, 'ServiceCountsReported');
    },

    async explainedAnswers(list) {
      const out = new Map<string, ExplainedAnswer[]>();
      for (let i = 0; i < list.length; i += 100) {
        let keys: Array<Record<string, NativeAttributeValue>> = list.slice(i, i + 100).map(assessmentKey);
        // BatchGetItem may leave keys unprocessed under load: ask again, with a growing pause.
        for (let attempt = 0; keys.length > 0; attempt++) {
          if (attempt === 8) throw new Error('could not read every explained assessment; try again');
          const res = await client.send(new BatchGetCommand({ RequestItems: { [tables.submissions]: { Keys: keys } } }));
          for (const item of res.Responses?.[tables.submissions] ?? []) {
            const a = toStored(item);
            out.set(a.assessmentId, explainedAnswersOf(a));
          }
          keys = (res.UnprocessedKeys?.[tables.submissions]?.Keys ?? []) as typeof keys;
          if (keys.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        }
      }
      return out;
    },

    async *allEvents(type) {
      for await (const item of scanType(type)) yield itemToEventOf(item, type);
    },
  };
}
