// The submissions table: every accepted submission stored once as its event,
// optionally under an idempotency record written in the same transaction.
import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  paginateQuery,
  paginateScan,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
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
import type { StoredAssessment } from '../domain/service-view.js';
import { countsPk, eventToItem, itemToEventOf, planPk, servicePk, type SubmissionEvent } from './submission-items.js';

export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export interface IdempotencyClaim {
  scope: string;
  key: string;
  requestHash: string;
  /** the response to replay for the same request */
  response: unknown;
}

export type StoreOutcome = { kind: 'stored' } | { kind: 'replay'; response: unknown } | { kind: 'key-reused' };

export interface SubmissionStore {
  putAssessment(event: AssessmentSubmittedV2, idempotency?: IdempotencyClaim): Promise<StoreOutcome>;
  /** stores the next version of an e-loket's report for a period; `build` gets that version */
  putServiceCounts(
    build: (version: number) => { event: ServiceCountsReportedV1; idempotency?: IdempotencyClaim },
  ): Promise<StoreOutcome & { version?: number }>;
  putReportRequest(event: ReportRequestedV1): Promise<void>;
  /** stores the next version of an organisation's plan for a year; `build` gets that version */
  putPlan(
    build: (version: number) => { event: PlanSubmittedV1; idempotency?: IdempotencyClaim },
  ): Promise<StoreOutcome & { version?: number }>;
  putDecision(event: DecisionRecordedV1): Promise<void>;
  latestPlan(organisationId: string, year: number): Promise<PlanSubmittedV1 | null>;
  listServiceAssessments(organisationId: string, serviceId: string): Promise<StoredAssessment[]>;
  /** the committee's decisions on a service's assessments */
  listServiceDecisions(organisationId: string, serviceId: string): Promise<DecisionFact[]>;
  latestServiceCounts(eloket: string, period: string): Promise<ServiceCountsReportedV1 | null>;
  /** every stored assessment, page by page (for rebuilds) */
  allAssessments(): AsyncIterable<StoredAssessment>;
  /** every stored counts report, every version (for rebuilds) */
  allServiceCounts(): AsyncIterable<ServiceCountsReportedV1>;
  /** the explained answers (no, not_applicable) of these assessments, read from their stored submissions */
  explainedAnswers(
    list: ReadonlyArray<{ assessmentId: string; source: { pk: string; sk: string } }>,
  ): Promise<Map<string, ExplainedAnswer[]>>;
  /** every stored event of a type, any version, page by page (for rebuilds) */
  allEvents<T extends SubmissionEvent['metadata']['type']>(type: T): AsyncIterable<EventOf<T>>;
}

export const hashRequest = (body: unknown): string => createHash('sha256').update(JSON.stringify(body)).digest('hex');

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

  /** Writes the event, with its idempotency record in the same transaction when there is one. */
  async function store(event: SubmissionEvent, idempotency?: IdempotencyClaim): Promise<StoreOutcome> {
    if (!idempotency) {
      await client.send(new PutCommand(newItem(event)));
      return { kind: 'stored' };
    }
    if (!tables.control) throw new Error('idempotency needs the control table');
    const epoch = Math.floor(now().getTime() / 1000);
    const idemKey = { pk: `IDEMP#${idempotency.scope}#${createHash('sha256').update(idempotency.key).digest('hex')}`, sk: 'IDEMP' };
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tables.control,
                Item: {
                  ...idemKey,
                  requestHash: idempotency.requestHash,
                  response: JSON.stringify(idempotency.response),
                  expiresAt: epoch + IDEMPOTENCY_TTL_SECONDS,
                },
                // An expired record that TTL has not removed yet no longer counts.
                ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
                ExpressionAttributeValues: { ':now': epoch },
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
              },
            },
            { Put: newItem(event) },
          ],
        }),
      );
      return { kind: 'stored' };
    } catch (err) {
      const reasons = err instanceof TransactionCanceledException ? err.CancellationReasons : undefined;
      // Cancellation reasons carry the old item in DynamoDB's own format, even through the document client.
      const old = reasons?.[0]?.Item;
      if (old) {
        const record = unmarshall(old);
        if (record.requestHash !== idempotency.requestHash) return { kind: 'key-reused' };
        return { kind: 'replay', response: JSON.parse(String(record.response)) };
      }
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
    putAssessment: (event, idempotency) => store(event, idempotency),

    async putServiceCounts(build) {
      // Versions are allocated by a conditional write: two reports racing for
      // the same version cannot both win; the loser takes the next one.
      for (let attempt = 0; attempt < 5; attempt++) {
        const { event: probe } = build(1);
        const latest = await latestCounts(probe.payload.eloket, probe.payload.period);
        const version = (latest?.payload.version ?? 0) + 1;
        const { event, idempotency } = build(version);
        try {
          const outcome = await store(event, idempotency);
          return outcome.kind === 'stored' ? { ...outcome, version } : outcome;
        } catch (err) {
          if (err instanceof ConditionalCheckFailedException) continue;
          throw err;
        }
      }
      throw new Error('could not allocate a report version after 5 attempts');
    },

    async putReportRequest(event) {
      await store(event);
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
      const out: DecisionFact[] = [];
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

    async *allAssessments() {
      for await (const item of scanType('AssessmentSubmitted')) yield toStored(item);
    },

    async *allServiceCounts() {
      for await (const item of scanType('ServiceCountsReported')) yield itemToEventOf(item, 'ServiceCountsReported');
    },

    async explainedAnswers(list) {
      const out = new Map<string, ExplainedAnswer[]>();
      for (let i = 0; i < list.length; i += 100) {
        let keys: Array<Record<string, NativeAttributeValue>> = list.slice(i, i + 100).map((a) => ({ pk: a.source.pk, sk: a.source.sk }));
        // BatchGetItem may leave keys unprocessed under load: ask again, with a growing pause.
        for (let attempt = 0; keys.length > 0; attempt++) {
          if (attempt === 8) throw new Error('could not read every explained assessment; try again');
          const res = await client.send(new BatchGetCommand({ RequestItems: { [tables.submissions]: { Keys: keys } } }));
          for (const item of res.Responses?.[tables.submissions] ?? []) {
            const a = toStored(item);
            out.set(
              a.assessmentId,
              a.submission.answers.flatMap((x) =>
                x.explanation !== undefined && x.answer !== 'yes'
                  ? [
                      {
                        criterionId: x.criterionId,
                        answer: x.answer,
                        explanation: x.explanation,
                        ...(x.plannedBy ? { plannedBy: x.plannedBy } : {}),
                      },
                    ]
                  : [],
              ),
            );
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
