// The public form's limit (design §2.1): at most N responses per client (the
// source IP) per service in any 60 minutes. The last N acceptances are kept
// in one item per client and service (a sliding log, so no burst slips
// through at the turn of an hour), updated under a revision condition so
// concurrent requests cannot both take the last place; under contention a
// request is refused rather than let through. The client's address is never
// stored: the item's key is a hash of it with the service, and it expires an
// hour after its last use.
import { createHash } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const DEFAULT_FEEDBACK_PER_HOUR = 5;
const WINDOW_SECONDS = 3600;

export type ClientDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface ClientRateLimiter {
  admit(client: string, organisationId: string, serviceId: string): Promise<ClientDecision>;
}

export function dynamoClientRateLimiter(
  client: DynamoDBDocumentClient,
  table: string,
  options: { perHour: number; now?: () => Date },
): ClientRateLimiter {
  const now = options.now ?? (() => new Date());
  return {
    async admit(address, organisationId, serviceId) {
      const hash = createHash('sha256').update(`${organisationId}\u0000${serviceId}\u0000${address}`).digest('base64url');
      const key = { pk: `FBRATE#${hash}`, sk: 'FBRATE' };
      for (let attempt = 0; attempt < 4; attempt++) {
        const t = now().getTime() / 1000;
        const out = await client.send(new GetCommand({ TableName: table, Key: key, ConsistentRead: true }));
        const rev = Number(out.Item?.rev ?? 0);
        const recent = ((out.Item?.times ?? []) as number[]).filter((s) => s > t - WINDOW_SECONDS).sort((a, b) => a - b);
        if (recent.length >= options.perHour) {
          return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(recent[recent.length - options.perHour]! + WINDOW_SECONDS - t)) };
        }
        try {
          await client.send(
            new PutCommand({
              TableName: table,
              Item: { ...key, times: [...recent, t], rev: rev + 1, expiresAt: Math.ceil(t) + WINDOW_SECONDS + 60 },
              ConditionExpression: 'attribute_not_exists(pk) OR rev = :rev',
              ExpressionAttributeValues: { ':rev': rev },
            }),
          );
          return { ok: true };
        } catch (err) {
          if (!(err instanceof ConditionalCheckFailedException)) throw err;
        }
      }
      return { ok: false, retryAfterSeconds: 1 };
    },
  };
}
