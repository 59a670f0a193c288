import { createHash } from 'node:crypto';
import {
  QueryCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
  PutItemCommand,
  type DynamoDBClient,
  type AttributeValue,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { AssessmentSubmittedV1 } from '../../events/assessment-submitted.js';
import type { ReportRequestedV1 } from '../../events/report-requested.js';
import type { StoredAssessment } from '../domain/service-view.js';
import { eventToItem, itemToEvent, servicePk } from './submission-items.js';

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
  putAssessment(event: AssessmentSubmittedV1, idempotency?: IdempotencyClaim): Promise<StoreOutcome>;
  putReportRequest(event: ReportRequestedV1): Promise<void>;
  listServiceAssessments(organisationId: string, serviceId: string): Promise<StoredAssessment[]>;
  /** every stored assessment, page by page (for rebuilds) */
  allAssessments(): AsyncIterable<StoredAssessment>;
}

function toStored(item: Record<string, AttributeValue>): StoredAssessment {
  const e = itemToEvent(item);
  if (e.metadata.type !== 'AssessmentSubmitted') throw new Error(`expected an assessment, found ${e.metadata.type}`);
  const p = e.payload as AssessmentSubmittedV1['payload'];
  return { assessmentId: p.assessmentId, submittedAt: p.submittedAt, submission: p.submission };
}

export const hashRequest = (body: unknown): string => createHash('sha256').update(JSON.stringify(body)).digest('hex');

export function dynamoSubmissionStore(
  client: DynamoDBClient,
  tables: { submissions: string; control?: string },
  now: () => Date = () => new Date(),
): SubmissionStore {
  return {
    async putAssessment(event, idempotency) {
      const put: TransactWriteItem = {
        Put: { TableName: tables.submissions, Item: eventToItem(event), ConditionExpression: 'attribute_not_exists(pk)' },
      };
      if (!idempotency || !tables.control) {
        if (idempotency) throw new Error('idempotency needs the control table');
        await client.send(new PutItemCommand(put.Put!));
        return { kind: 'stored' };
      }
      // The idempotency record and the submission are written in one transaction:
      // there is no window in which one exists without the other.
      const idemKey = { pk: `IDEMP#${idempotency.scope}#${createHash('sha256').update(idempotency.key).digest('hex')}`, sk: 'IDEMP' };
      try {
        await client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tables.control,
                  Item: marshall({
                    ...idemKey,
                    requestHash: idempotency.requestHash,
                    response: JSON.stringify(idempotency.response),
                    expiresAt: Math.floor(now().getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
                  }),
                  // An expired record that TTL has not removed yet no longer counts.
                  ConditionExpression: 'attribute_not_exists(pk) OR expiresAt < :now',
                  ExpressionAttributeValues: marshall({ ':now': Math.floor(now().getTime() / 1000) }),
                  ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
                },
              },
              put,
            ],
          }),
        );
        return { kind: 'stored' };
      } catch (err) {
        const old = err instanceof TransactionCanceledException ? err.CancellationReasons?.[0]?.Item : undefined;
        if (!old) throw err;
        const record = unmarshall(old);
        if (record.requestHash !== idempotency.requestHash) return { kind: 'key-reused' };
        return { kind: 'replay', response: JSON.parse(String(record.response)) };
      }
    },

    async putReportRequest(event) {
      await client.send(
        new PutItemCommand({ TableName: tables.submissions, Item: eventToItem(event), ConditionExpression: 'attribute_not_exists(pk)' }),
      );
    },

    async listServiceAssessments(organisationId, serviceId) {
      const out: StoredAssessment[] = [];
      let start: QueryCommand['input']['ExclusiveStartKey'];
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tables.submissions,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
            ExpressionAttributeValues: marshall({ ':pk': servicePk(organisationId, serviceId), ':a': 'A#' }),
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) out.push(toStored(item));
        start = page.LastEvaluatedKey;
      } while (start);
      return out;
    },

    async *allAssessments() {
      let start: ScanCommand['input']['ExclusiveStartKey'];
      do {
        const page = await client.send(
          new ScanCommand({
            TableName: tables.submissions,
            FilterExpression: '#t = :t',
            ExpressionAttributeNames: { '#t': 'type' },
            ExpressionAttributeValues: marshall({ ':t': 'AssessmentSubmitted' }),
            ExclusiveStartKey: start,
          }),
        );
        for (const item of page.Items ?? []) yield toStored(item);
        start = page.LastEvaluatedKey;
      } while (start);
    },
  };
}
