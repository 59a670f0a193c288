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

/**
 * Failed authentications per client (its source IP), counted per minute in
 * the control table like the per-key limit. An unknown key costs a store read
 * each time; past the limit a client is refused with 429 before any lookup,
 * and each container remembers that until the minute ends, so a client
 * guessing keys costs no store request at all.
 */
export interface AuthFailureThrottle {
  /** 429 without any store request while the client is refused */
  blocked(client: string): RateDecision;
  /** counts a failed authentication; not ok once the client is past the limit */
  failed(client: string): Promise<RateDecision>;
}

export const DEFAULT_AUTH_FAILURES_PER_MINUTE = 30;

export function dynamoAuthFailureThrottle(
  client: DynamoDBDocumentClient,
  table: string,
  options: { perMinute?: number; now?: () => Date } = {},
): AuthFailureThrottle {
  const perMinute = options.perMinute ?? DEFAULT_AUTH_FAILURES_PER_MINUTE;
  const now = options.now ?? (() => new Date());
  const refusedUntil = new Map<string, number>();
  const retryAfter = (until: number) => Math.max(1, Math.ceil(until - now().getTime() / 1000));
  return {
    blocked(who) {
      const until = refusedUntil.get(who);
      if (until === undefined) return { ok: true };
      if (until > now().getTime() / 1000) return { ok: false, retryAfterSeconds: retryAfter(until) };
      refusedUntil.delete(who);
      return { ok: true };
    },
    async failed(who) {
      const epoch = Math.floor(now().getTime() / 1000);
      const windowStart = epoch - (epoch % 60);
      const out = await client.send(
        new UpdateCommand({
          TableName: table,
          Key: { pk: `AUTHFAIL#${who}#${windowStart}`, sk: 'AUTHFAIL' },
          UpdateExpression: 'ADD failures :one SET expiresAt = if_not_exists(expiresAt, :expires)',
          ExpressionAttributeValues: { ':one': 1, ':expires': windowStart + 120 },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      if (Number(out.Attributes?.failures ?? 0) <= perMinute) return { ok: true };
      // Bounded: a flood from many addresses must not grow this without end.
      if (refusedUntil.size >= 10_000) refusedUntil.clear();
      refusedUntil.set(who, windowStart + 60);
      return { ok: false, retryAfterSeconds: retryAfter(windowStart + 60) };
    },
  };
}
