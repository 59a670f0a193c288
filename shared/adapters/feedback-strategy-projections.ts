// Projections of the feedback instrument, the maturity scans and the action
// plan, in the projections table beside the indicators, for the API and the
// reports. Every item is bounded (a tally is a handful of numbers) and
// written under a condition an older recomputation cannot pass, so a replay
// or a late record changes nothing:
//  - a day's form responses: FEEDBACK#org#svc / FORM#D#<day>, from that day's events
//  - a month's form responses: FEEDBACK#org#svc / FORM#M#<month>, from its days' items
//  - a provider's aggregate: FEEDBACK#org#svc / AGG#<period>, the latest report naming the service
//  - a maturity scan: MATURITY#org / <year>, the latest scan of that year
//  - a status change: STRATEGY / <subject>#<recordedAt>#<changeId>, one item each (reports pick as of a day)
// Months, aggregates and scans, read whole by the reports, are in the byKind index (kind-index.ts).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { paginateQuery, PutCommand, type DynamoDBDocumentClient, type NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import type { ActionStatusChangedV1 } from '../../events/action-status-changed.js';
import type { MaturityScannedV1 } from '../../events/maturity-scanned.js';
import type { Tally } from '../domain/feedback/tally.js';
import type { FeedbackTallyRow, MaturityScanFact } from '../domain/report/feedback-input.js';
import { readKinds, withKindShard } from './kind-index.js';

const feedbackPk = (o: string, s: string) => `FEEDBACK#${o}#${s}`;
const DAY_SK = 'FORM#D#';
const MONTH_SK = 'FORM#M#';
const AGG_SK = 'AGG#';

export interface DayTally {
  day: string;
  tally: Tally;
  /** how many responses the tally counts: responses are never deleted, so more is newer */
  sourceEvents: number;
  /** when the day's newest response was given: a report names the newest submission it rests on */
  lastGivenAt: string;
}
export interface AggregateTally {
  period: string;
  tally: Tally;
  version: number;
  reportId: string;
  submittedAt: string;
}
export interface ServiceFeedbackItems {
  /** form tallies per month */
  months: Map<string, Tally>;
  /** the provider's current aggregate per period it reported */
  aggregates: Map<string, { version: number; tally: Tally }>;
}
export type StatusChangeProjection = ActionStatusChangedV1['payload'];

export interface FeedbackStrategyProjections {
  putFormDay(organisationId: string, serviceId: string, d: DayTally): Promise<'written' | 'stale'>;
  formDaysOfMonth(organisationId: string, serviceId: string, month: string): Promise<DayTally[]>;
  /** the month's tally with the source count of each day it was summed from: written only over a tally built from no more */
  putFormMonth(
    organisationId: string,
    serviceId: string,
    month: string,
    days: readonly DayTally[],
    tally: Tally,
  ): Promise<'written' | 'stale'>;
  putAggregate(organisationId: string, serviceId: string, a: AggregateTally): Promise<'written' | 'stale'>;
  /** a service's month tallies and aggregates for every period starting with `yearPrefix` */
  serviceFeedback(organisationId: string, serviceId: string, yearPrefix: string): Promise<ServiceFeedbackItems>;
  /** every form month and provider aggregate of every service, page by page (for the reports) */
  feedbackTallies(): AsyncIterable<FeedbackTallyRow>;
  putMaturity(event: MaturityScannedV1): Promise<'written' | 'stale'>;
  /** the scan that stands for every organisation and year (for the yearly report) */
  maturityScans(): AsyncIterable<MaturityScanFact>;
  putStatusChange(event: ActionStatusChangedV1): Promise<void>;
  listStatusChanges(): Promise<StatusChangeProjection[]>;
}

const tallyItem = (t: Tally) => ({ responses: t.responses, ratings: [...t.ratings], foundIt: { ...t.foundIt } });
const tallyOf = (v: unknown): Tally => {
  const t = v as { responses: number; ratings: number[]; foundIt: Record<string, number> };
  return {
    responses: Number(t.responses),
    ratings: t.ratings.map(Number) as Tally['ratings'],
    foundIt: { yes: Number(t.foundIt.yes), partly: Number(t.foundIt.partly), no: Number(t.foundIt.no) },
  };
};
const daySlot = (day: string) => `d${day.slice(8, 10)}`;
const SLOTS = Array.from({ length: 31 }, (_, i) => `d${String(i + 1).padStart(2, '0')}`);

export function dynamoFeedbackStrategyProjections(client: DynamoDBDocumentClient, table: string): FeedbackStrategyProjections {
  async function putUnlessNewer(put: PutCommand): Promise<'written' | 'stale'> {
    try {
      await client.send(put);
      return 'written';
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return 'stale';
      throw err;
    }
  }
  async function query(pk: string, prefix: string): Promise<Array<Record<string, NativeAttributeValue>>> {
    const out: Array<Record<string, NativeAttributeValue>> = [];
    const pages = paginateQuery(
      { client },
      {
        TableName: table,
        // DynamoDB refuses an empty begins_with prefix.
        KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :p)' : 'pk = :pk',
        ExpressionAttributeValues: prefix ? { ':pk': pk, ':p': prefix } : { ':pk': pk },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) out.push(...(page.Items ?? []));
    return out;
  }

  return {
    putFormDay: (o, s, d) =>
      putUnlessNewer(
        new PutCommand({
          TableName: table,
          Item: {
            pk: feedbackPk(o, s),
            sk: `${DAY_SK}${d.day}`,
            kind: 'feedback-day',
            organisationId: o,
            serviceId: s,
            day: d.day,
            tally: tallyItem(d.tally),
            sourceEvents: d.sourceEvents,
            lastGivenAt: d.lastGivenAt,
          },
          ConditionExpression: 'attribute_not_exists(pk) OR sourceEvents <= :n',
          ExpressionAttributeValues: { ':n': d.sourceEvents },
        }),
      ),

    async formDaysOfMonth(o, s, month) {
      return (await query(feedbackPk(o, s), `${DAY_SK}${month}-`)).map((i) => ({
        day: String(i.day),
        tally: tallyOf(i.tally),
        sourceEvents: Number(i.sourceEvents),
        // Items projected before it was kept have none: they name no time.
        lastGivenAt: typeof i.lastGivenAt === 'string' ? i.lastGivenAt : '',
      }));
    },

    putFormMonth(o, s, month, days, tally) {
      // Written only when, day by day, it counts at least what the stored one counts:
      // two recomputations racing on different days cannot drop each other's responses.
      const mine = new Map(days.map((d) => [daySlot(d.day), d.sourceEvents]));
      const lastGivenAt = days.reduce((m, d) => (d.lastGivenAt > m ? d.lastGivenAt : m), '');
      const values: Record<string, number> = {};
      const clauses = SLOTS.map((slot) => {
        const n = mine.get(slot);
        if (n === undefined) return `attribute_not_exists(${slot})`;
        values[`:${slot}`] = n;
        return `(attribute_not_exists(${slot}) OR ${slot} <= :${slot})`;
      });
      return putUnlessNewer(
        new PutCommand({
          TableName: table,
          Item: withKindShard('feedback-month', {
            pk: feedbackPk(o, s),
            sk: `${MONTH_SK}${month}`,
            organisationId: o,
            serviceId: s,
            month,
            tally: tallyItem(tally),
            ...(lastGivenAt ? { lastGivenAt } : {}),
            ...Object.fromEntries(mine),
          }),
          ConditionExpression: clauses.join(' AND '),
          ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
        }),
      );
    },

    putAggregate: (o, s, a) =>
      putUnlessNewer(
        new PutCommand({
          TableName: table,
          Item: withKindShard('feedback-aggregate', {
            pk: feedbackPk(o, s),
            sk: `${AGG_SK}${a.period}`,
            organisationId: o,
            serviceId: s,
            period: a.period,
            tally: tallyItem(a.tally),
            version: a.version,
            reportId: a.reportId,
            submittedAt: a.submittedAt,
          }),
          // A late, older version never overwrites a newer one.
          ConditionExpression: 'attribute_not_exists(pk) OR version <= :v',
          ExpressionAttributeValues: { ':v': a.version },
        }),
      ),

    async serviceFeedback(o, s, yearPrefix) {
      const [months, aggregates] = await Promise.all([
        query(feedbackPk(o, s), `${MONTH_SK}${yearPrefix}`),
        query(feedbackPk(o, s), `${AGG_SK}${yearPrefix}`),
      ]);
      return {
        months: new Map(months.map((i) => [String(i.month), tallyOf(i.tally)])),
        aggregates: new Map(aggregates.map((i) => [String(i.period), { version: Number(i.version), tally: tallyOf(i.tally) }])),
      };
    },

    feedbackTallies() {
      const at = (v: unknown) => (typeof v === 'string' ? v : undefined);
      return readKinds(client, table, ['feedback-month', 'feedback-aggregate'], (i): FeedbackTallyRow =>
        i.kind === 'feedback-month'
          ? {
              source: 'form' as const,
              organisationId: String(i.organisationId),
              serviceId: String(i.serviceId),
              period: String(i.month),
              tally: tallyOf(i.tally),
              lastGivenAt: at(i.lastGivenAt),
            }
          : {
              source: 'aggregate' as const,
              organisationId: String(i.organisationId),
              serviceId: String(i.serviceId),
              period: String(i.period),
              version: Number(i.version),
              tally: tallyOf(i.tally),
              submittedAt: at(i.submittedAt),
            },
      );
    },

    maturityScans: () =>
      readKinds(client, table, ['maturity'], (i): MaturityScanFact => ({
        organisationId: String(i.organisationId),
        year: Number(i.year),
        submittedAt: String(i.submittedAt),
        themes: JSON.parse(String(i.themes)) as MaturityScanFact['themes'],
      })),

    putMaturity: (event) =>
      putUnlessNewer(
        new PutCommand({
          TableName: table,
          Item: withKindShard('maturity', {
            pk: `MATURITY#${event.payload.organisationId}`,
            sk: String(event.payload.year),
            organisationId: event.payload.organisationId,
            year: event.payload.year,
            scanId: event.payload.scanId,
            submittedAt: event.payload.submittedAt,
            themes: JSON.stringify(event.payload.themes),
          }),
          // The latest scan of a year stands; an earlier one arriving late does not replace it.
          ConditionExpression: 'attribute_not_exists(pk) OR submittedAt <= :at',
          ExpressionAttributeValues: { ':at': event.payload.submittedAt },
        }),
      ),

    async putStatusChange(event) {
      const p = event.payload;
      const subject = p.subject === 'action' ? `ACTION#${String(p.action).padStart(2, '0')}` : `TOOL#${p.supportTool}`;
      // One item per change, keyed by the change: writing it again is the same item.
      await client.send(
        new PutCommand({
          TableName: table,
          Item: { pk: 'STRATEGY', sk: `${subject}#${p.recordedAt}#${p.changeId}`, kind: 'strategy-status', change: JSON.stringify(p) },
        }),
      );
    },

    async listStatusChanges() {
      return (await query('STRATEGY', '')).map((i) => JSON.parse(String(i.change)) as StatusChangeProjection);
    },
  };
}
