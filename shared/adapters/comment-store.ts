// Users' comments, apart from the figures (design §2.1): their own table,
// readable only by the functions that show them to a service's owner and the
// committee, each item with a retention time (DynamoDB TTL on `expiresAt`).
// TTL deletes late (up to days), so every read also skips what has expired.
// A form response's comment is one item; a provider's comments for one
// service and period are one item, replaced whole by a correction.
import { BatchWriteCommand, paginateQuery, type DynamoDBDocumentClient, type NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import type { ErasableComment } from '../domain/feedback/erasure.js';
import { parsePeriod, type Period } from '../domain/periods.js';

export const DEFAULT_RETENTION_DAYS = 400;

export const commentsPk = (organisationId: string, serviceId: string) => `COMMENTS#${organisationId}#${serviceId}`;
/** Form comments sort by the day they were given; a period's are one key range. */
const formSk = (givenOn: string, commentId: string) => `F#${givenOn}#${commentId}`;
/** A provider's comments sort by their period; `A#2026-Q3#` holds those of exactly that period. */
export const aggregatePrefix = (period: string) => `A#${period}#`;

export interface FormComment {
  commentId: string;
  givenOn: string;
  rating: number;
  text: string;
}

export interface AggregateComments {
  commentId: string;
  serviceId: string;
  period: string;
  reportId: string;
  version: number;
  texts: string[];
}

export type StoredComment =
  | { source: 'form'; receivedOn: string; rating: number; text: string }
  | { source: 'aggregate'; receivedOn: string; period: string; text: string };

/** What a comment item carries besides its text: when it came in and when it expires. */
function lifetime(receivedAt: Date, retentionDays: number) {
  return {
    receivedAt: receivedAt.toISOString(),
    expiresAt: Math.floor(receivedAt.getTime() / 1000) + retentionDays * 86_400,
  };
}

export function formCommentItem(
  o: { organisationId: string; serviceId: string },
  c: FormComment,
  receivedAt: Date,
  retentionDays: number,
): Record<string, NativeAttributeValue> {
  return {
    pk: commentsPk(o.organisationId, o.serviceId),
    sk: formSk(c.givenOn, c.commentId),
    source: 'form',
    commentId: c.commentId,
    receivedOn: c.givenOn,
    rating: c.rating,
    text: c.text,
    ...lifetime(receivedAt, retentionDays),
  };
}

export function aggregateCommentItem(
  organisationId: string,
  c: AggregateComments,
  receivedAt: Date,
  receivedOn: string,
  retentionDays: number,
): Record<string, NativeAttributeValue> {
  return {
    pk: commentsPk(organisationId, c.serviceId),
    sk: `${aggregatePrefix(c.period)}${c.commentId}`,
    source: 'aggregate',
    commentId: c.commentId,
    receivedOn,
    period: c.period,
    reportId: c.reportId,
    version: c.version,
    texts: c.texts,
    ...lifetime(receivedAt, retentionDays),
  };
}

export interface CommentStore {
  /** a service's live comments given in (form) or reported for (aggregates) a period, newest first */
  list(organisationId: string, serviceId: string, period: Period, now: Date): Promise<StoredComment[]>;
  /** keys of the items holding a provider's comments for exactly this service and period */
  aggregateKeys(organisationId: string, serviceId: string, period: string): Promise<Array<{ pk: string; sk: string }>>;
  /** what `erase` would delete: each item's date (the day given, or the period reported for) */
  erasable(organisationId: string, serviceId: string, before?: string): Promise<ErasableComment[]>;
  /** deletes a service's comments at once, or only those received before a day; answers how many comments were erased */
  erase(organisationId: string, serviceId: string, before?: string): Promise<{ items: number; comments: number }>;
}

export function dynamoCommentStore(client: DynamoDBDocumentClient, table: string): CommentStore {
  async function query(pk: string, range: { prefix: string } | { from: string; to: string }) {
    const out: Array<Record<string, NativeAttributeValue>> = [];
    const pages = paginateQuery(
      { client },
      {
        TableName: table,
        KeyConditionExpression: 'prefix' in range ? 'pk = :pk AND begins_with(sk, :p)' : 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues:
          'prefix' in range ? { ':pk': pk, ':p': range.prefix } : { ':pk': pk, ':from': range.from, ':to': range.to },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) out.push(...(page.Items ?? []));
    return out;
  }

  /** A service's comment items (form and aggregate), or those received before a day. */
  const erasableItems = async (organisationId: string, serviceId: string, before: string | undefined) =>
    (await query(commentsPk(organisationId, serviceId), { from: 'A', to: 'G' })).filter(
      (i) => before === undefined || String(i.receivedOn) < before,
    );

  return {
    async list(organisationId, serviceId, period, now) {
      const pk = commentsPk(organisationId, serviceId);
      const epoch = Math.floor(now.getTime() / 1000);
      const [form, aggregate] = await Promise.all([
        query(pk, { from: `F#${period.start}`, to: `F#${period.end}#\uffff` }),
        // every period that can lie inside this one starts with its year
        query(pk, { prefix: `A#${period.id.slice(0, 4)}` }),
      ]);
      const live = (i: Record<string, NativeAttributeValue>) => Number(i.expiresAt) > epoch;
      const comments: Array<StoredComment & { at: string }> = [];
      for (const i of form.filter(live))
        comments.push({
          source: 'form',
          receivedOn: String(i.receivedOn),
          rating: Number(i.rating),
          text: String(i.text),
          at: String(i.receivedAt),
        });
      const inside = (id: string) => {
        const p = parsePeriod(id);
        return p !== undefined && p.start >= period.start && p.end <= period.end;
      };
      for (const i of aggregate.filter(live).filter((i) => inside(String(i.period))))
        for (const text of (i.texts ?? []) as string[])
          comments.push({
            source: 'aggregate',
            receivedOn: String(i.receivedOn),
            period: String(i.period),
            text,
            at: String(i.receivedAt),
          });
      return comments.sort((a, b) => b.at.localeCompare(a.at)).map(({ at: _at, ...c }) => c);
    },

    async aggregateKeys(organisationId, serviceId, period) {
      const items = await query(commentsPk(organisationId, serviceId), { prefix: aggregatePrefix(period) });
      return items.map((i) => ({ pk: String(i.pk), sk: String(i.sk) }));
    },

    async erasable(organisationId, serviceId, before) {
      return (await erasableItems(organisationId, serviceId, before)).map((i) =>
        i.source === 'aggregate'
          ? { source: 'aggregate' as const, receivedOn: String(i.receivedOn), period: String(i.period) }
          : { source: 'form' as const, receivedOn: String(i.receivedOn) },
      );
    },

    async erase(organisationId, serviceId, before) {
      const items = await erasableItems(organisationId, serviceId, before);
      let comments = 0;
      for (const i of items) comments += i.source === 'aggregate' ? ((i.texts ?? []) as unknown[]).length : 1;
      for (let n = 0; n < items.length; n += 25) {
        let requests = items.slice(n, n + 25).map((i) => ({ DeleteRequest: { Key: { pk: i.pk, sk: i.sk } } }));
        // BatchWriteItem may leave some requests unprocessed under load: send them again.
        for (let attempt = 0; requests.length > 0 && attempt < 8; attempt++) {
          const out = await client.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
          requests = (out.UnprocessedItems?.[table] ?? []) as typeof requests;
          if (requests.length > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
        }
        if (requests.length > 0) throw new Error('could not erase every comment; run the command again');
      }
      return { items: items.length, comments };
    },
  };
}
