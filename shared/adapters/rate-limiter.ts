// Each key's requests are counted per minute in the control table (a fixed
// window, expired by TTL), so the limit holds across every container; past the
// limit the caller gets 429 with Retry-After.
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  check(keyId: string): Promise<RateDecision>;
}

export const DEFAULT_REQUESTS_PER_MINUTE = 600;

export function dynamoRateLimiter(
  client: DynamoDBDocumentClient,
  table: string,
  options: { perMinute?: number; now?: () => Date } = {},
): RateLimiter {
  const perMinute = options.perMinute ?? DEFAULT_REQUESTS_PER_MINUTE;
  const now = options.now ?? (() => new Date());
  return {
    async check(keyId) {
      const epoch = Math.floor(now().getTime() / 1000);
      const windowStart = epoch - (epoch % 60);
      const out = await client.send(
        new UpdateCommand({
          TableName: table,
          Key: { pk: `RATE#${keyId}#${windowStart}`, sk: 'RATE' },
          UpdateExpression: 'ADD requests :one SET expiresAt = if_not_exists(expiresAt, :expires)',
          ExpressionAttributeValues: { ':one': 1, ':expires': windowStart + 120 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      const requests = Number(out.Attributes?.requests ?? 0);
      return requests <= perMinute ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(1, windowStart + 60 - epoch) };
    },
  };
}
