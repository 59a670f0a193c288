// Feedback as stored: each form response and each provider's report is its
// event in the submissions table (the stream feeds the projector), and its
// comments are items of the comments table written in the same transaction,
// so an event never refers to a comment that was not stored, and a comment
// never outlives a failed write. Events carry only the comment item's id.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  paginateQuery,
  paginateScan,
  QueryCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type NativeAttributeValue,
} from '@aws-sdk/lib-dynamodb';
import type { ActionStatusChangedV1 } from '../../events/action-status-changed.js';
import type { FeedbackGivenV1 } from '../../events/feedback-given.js';
import type { FeedbackReportedV1 } from '../../events/feedback-reported.js';
import type { MaturityScannedV1 } from '../../events/maturity-scanned.js';
import { aggregateCommentItem, dynamoCommentStore, formCommentItem, type AggregateComments } from './comment-store.js';
import { feedbackReportPk, feedbackResponsePrefix, feedbackResponsesPk } from './feedback-strategy-items.js';
import { eventToItem, itemToEventOf } from './submission-items.js';

/** DynamoDB's limit of items in one transaction. */
const MAX_TRANSACTION_ITEMS = 100;

export interface FeedbackStore {
  /** the response's event and, when it has one, its comment item, in one transaction */
  putResponse(event: FeedbackGivenV1, comment: { commentId: string; text: string } | null): Promise<void>;
  /**
   * Stores the next version of a provider's report for its period: the event,
   * each service's comment item, and the deletion of the comment items of the
   * aggregates it replaces, in one transaction. `build` gets the version.
   */
  putAggregates(build: (version: number) => { event: FeedbackReportedV1; comments: AggregateComments[] }): Promise<{ version: number }>;
}

/** What the projector reads back: only the submissions table, never a comment. */
export interface FeedbackStrategyEvents {
  responsesOfDay(organisationId: string, serviceId: string, day: string): Promise<FeedbackGivenV1[]>;
  /** every version of a provider's report for a period, oldest first */
  reportVersions(organisationId: string, period: string): Promise<FeedbackReportedV1[]>;
  /** for rebuilds: every stored response and report, page by page */
  allResponses(): AsyncIterable<FeedbackGivenV1>;
  allReports(): AsyncIterable<FeedbackReportedV1>;
  allMaturityScans(): AsyncIterable<MaturityScannedV1>;
  allStatusChanges(): AsyncIterable<ActionStatusChangedV1>;
}

export class VersionRaceLost extends Error {}

export function dynamoFeedbackStore(
  client: DynamoDBDocumentClient,
  tables: { submissions: string; feedbackComments: string },
  /** how long comments are kept, and the day (in Brussels) of an instant */
  options: { retentionDays: number; today: (instant: Date) => string },
): FeedbackStore {
  const comments = dynamoCommentStore(client, tables.feedbackComments);
  const newEvent = (event: FeedbackGivenV1 | FeedbackReportedV1) => ({
    Put: { TableName: tables.submissions, Item: eventToItem(event), ConditionExpression: 'attribute_not_exists(pk)' },
  });
  const putComment = (item: Record<string, NativeAttributeValue>) => ({ Put: { TableName: tables.feedbackComments, Item: item } });

  async function latestVersion(organisationId: string, period: string): Promise<number> {
    const out = await client.send(
      new QueryCommand({
        TableName: tables.submissions,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
        ExpressionAttributeValues: { ':pk': feedbackReportPk(organisationId, period), ':v': 'V#' },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    return out.Items?.[0] ? itemToEventOf(out.Items[0], 'FeedbackReported').payload.version : 0;
  }

  return {
    async putResponse(event, comment) {
      const p = event.payload;
      const item = comment
        ? formCommentItem(p, { ...comment, givenOn: p.givenOn, rating: p.rating }, new Date(p.givenAt), options.retentionDays)
        : null;
      await client.send(new TransactWriteCommand({ TransactItems: [newEvent(event), ...(item ? [putComment(item)] : [])] }));
    },

    async putAggregates(build) {
      // Versions are allocated by a conditional write, as for service counts:
      // of two reports racing for one version, the loser takes the next.
      for (let attempt = 0; attempt < 5; attempt++) {
        const { event: probe } = build(1);
        const { organisationId, period } = probe.payload;
        const version = (await latestVersion(organisationId, period)) + 1;
        const { event, comments: texts } = build(version);
        const received = new Date(event.payload.submittedAt);
        const items = texts.map((c) => aggregateCommentItem(organisationId, c, received, options.today(received), options.retentionDays));
        const replaced = (
          await Promise.all(event.payload.services.map((s) => comments.aggregateKeys(organisationId, s.serviceId, period)))
        ).flat();
        const deletes = replaced.map((Key) => ({ Delete: { TableName: tables.feedbackComments, Key } }));
        const transact = [newEvent(event), ...items.map(putComment), ...deletes];
        if (transact.length > MAX_TRANSACTION_ITEMS)
          throw new Error(`a feedback report needs ${transact.length} writes; at most ${MAX_TRANSACTION_ITEMS}`);
        try {
          await client.send(new TransactWriteCommand({ TransactItems: transact }));
          return { version };
        } catch (err) {
          // Another report took this version, or was writing the same items: read again and retry.
          const codes = err instanceof TransactionCanceledException ? (err.CancellationReasons ?? []).map((r) => r.Code) : [];
          if (codes.some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict')) continue;
          throw err;
        }
      }
      throw new VersionRaceLost('could not store the feedback report after 5 attempts');
    },
  };
}

export function dynamoFeedbackStrategyEvents(client: DynamoDBDocumentClient, tables: { submissions: string }): FeedbackStrategyEvents {
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

  return {
    async responsesOfDay(organisationId, serviceId, day) {
      const out: FeedbackGivenV1[] = [];
      const pages = paginateQuery(
        { client },
        {
          TableName: tables.submissions,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :d)',
          ExpressionAttributeValues: { ':pk': feedbackResponsesPk(organisationId, serviceId), ':d': feedbackResponsePrefix(day) },
          ConsistentRead: true,
        },
      );
      for await (const page of pages) for (const item of page.Items ?? []) out.push(itemToEventOf(item, 'FeedbackGiven'));
      return out;
    },

    async reportVersions(organisationId, period) {
      const out: FeedbackReportedV1[] = [];
      const pages = paginateQuery(
        { client },
        {
          TableName: tables.submissions,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
          ExpressionAttributeValues: { ':pk': feedbackReportPk(organisationId, period), ':v': 'V#' },
          ConsistentRead: true,
        },
      );
      for await (const page of pages) for (const item of page.Items ?? []) out.push(itemToEventOf(item, 'FeedbackReported'));
      return out;
    },

    async *allResponses() {
      for await (const item of scanType('FeedbackGiven')) yield itemToEventOf(item, 'FeedbackGiven');
    },

    async *allReports() {
      for await (const item of scanType('FeedbackReported')) yield itemToEventOf(item, 'FeedbackReported');
    },

    async *allMaturityScans() {
      for await (const item of scanType('MaturityScanned')) yield itemToEventOf(item, 'MaturityScanned');
    },

    async *allStatusChanges() {
      for await (const item of scanType('ActionStatusChanged')) yield itemToEventOf(item, 'ActionStatusChanged');
    },
  };
}
