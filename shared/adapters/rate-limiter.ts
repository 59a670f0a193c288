// Each key's requests are counted per minute in the control table (a fixed
// window, expired by TTL), so the limit holds across every container; past the
// limit the caller gets 429 with Retry-After.
//
// A container does not write the counter on every request: it reserves a few
// of the window's requests at once with one conditional ADD that can never
// take the shared counter past the limit, and spends them locally. So the
// requests accepted over all containers never exceed the limit (what design
// §3 asks), at a fraction of the writes. Reservations shrink as the window's
// count nears the limit, so few sit unused in other containers when it runs out.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export interface RateLimiter {
  check(keyId: string): Promise<RateDecision>;
}

export const DEFAULT_REQUESTS_PER_MINUTE = 600;

/** At most this many requests reserved at once; at 600 a minute, one counter write per 10 requests. */
export const MAX_RESERVATION = 10;

/** How many to reserve, having last seen `counted` of `perMinute` taken: a quarter of what is left, 1 to MAX_RESERVATION. */
export const reservationSize = (perMinute: number, counted: number): number =>
  Math.max(1, Math.min(MAX_RESERVATION, Math.floor((perMinute - counted) / 4)));

export function dynamoRateLimiter(
  client: DynamoDBDocumentClient,
  table: string,
  options: { perMinute?: number; now?: () => Date } = {},
): RateLimiter {
  const perMinute = options.perMinute ?? DEFAULT_REQUESTS_PER_MINUTE;
  const now = options.now ?? (() => new Date());
  /** per key: this container's unspent reservation in one window, and the window's count last seen */
  const held = new Map<string, { windowStart: number; left: number; counted: number }>();

  /** Reserves up to `want` of the window's requests; how many it got (0 when the limit is reached) and the count after. */
  async function reserve(keyId: string, windowStart: number, want: number): Promise<{ got: number; counted: number }> {
    for (let n = want; n > 0;) {
      try {
        const out = await client.send(
          new UpdateCommand({
            TableName: table,
            Key: { pk: `RATE#${keyId}#${windowStart}`, sk: 'RATE' },
            UpdateExpression: 'ADD requests :n SET expiresAt = if_not_exists(expiresAt, :expires)',
            // Never past the limit, whichever container asks.
            ConditionExpression: 'attribute_not_exists(requests) OR requests <= :most',
            ExpressionAttributeValues: { ':n': n, ':most': perMinute - n, ':expires': windowStart + 120 },
            ReturnValues: 'UPDATED_NEW',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return { got: n, counted: Number(out.Attributes?.requests ?? n) };
      } catch (err) {
        if (!(err instanceof ConditionalCheckFailedException)) throw err;
        // Fewer are left than asked for: ask for exactly what is left (another container may take it first).
        const counted = Number((err.Item as { requests?: { N?: string } } | undefined)?.requests?.N ?? perMinute);
        const left = perMinute - counted;
        if (left <= 0) return { got: 0, counted };
        n = Math.min(n - 1, left);
      }
    }
    return { got: 0, counted: perMinute };
  }

  return {
    async check(keyId) {
      const epoch = Math.floor(now().getTime() / 1000);
      const windowStart = epoch - (epoch % 60);
      const refused: RateDecision = { ok: false, retryAfterSeconds: Math.max(1, windowStart + 60 - epoch) };
      let mine = held.get(keyId);
      if (!mine || mine.windowStart !== windowStart) {
        // Bounded: a container that sees very many keys forgets unspent reservations (they only go unused).
        if (held.size >= 10_000) held.clear();
        mine = { windowStart, left: 0, counted: 0 };
        held.set(keyId, mine);
      }
      if (mine.left > 0) {
        mine.left -= 1;
        return { ok: true };
      }
      const { got, counted } = await reserve(keyId, windowStart, reservationSize(perMinute, mine.counted));
      mine.counted = counted;
      if (got === 0) return refused;
      mine.left += got - 1;
      return { ok: true };
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
