// The per-key rate limit holds across containers (design §3) although a
// container reserves several of a window's requests with one counter write:
// whatever the containers and however their requests interleave, no more
// than the limit is accepted in a window, and the shared counter never
// passes it.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoRateLimiter, MAX_RESERVATION, reservationSize } from '../../shared/adapters/rate-limiter.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;

beforeAll(async () => {
  env = await standIns('ratelimit');
});

// A window in the future: DynamoDB Local's TTL removes a counter whose window has passed, in the middle of a test.
const at = (iso: string) => () => new Date(iso);
const counter = async (keyId: string, windowStart: number) =>
  (await env.doc.send(new GetCommand({ TableName: env.name('control'), Key: { pk: `RATE#${keyId}#${windowStart}`, sk: 'RATE' } }))).Item
    ?.requests;
const WINDOW = Date.parse('2099-01-01T10:00:00.000Z') / 1000;

describe('rate limit across containers', () => {
  it('reserves a quarter of what is left, at most MAX_RESERVATION and at least one', () => {
    expect([
      reservationSize(600, 0),
      reservationSize(20, 0),
      reservationSize(20, 13),
      reservationSize(20, 19),
      reservationSize(2, 0),
    ]).toEqual([MAX_RESERVATION, 5, 1, 1, 1]);
  });

  it('accepts exactly the limit from two containers taking turns, then refuses both with Retry-After', async () => {
    const now = at('2099-01-01T10:00:15.000Z');
    const a = dynamoRateLimiter(env.doc, env.name('control'), { perMinute: 20, now });
    const b = dynamoRateLimiter(env.doc, env.name('control'), { perMinute: 20, now });
    const decisions = [];
    for (let i = 0; i < 30; i++) decisions.push(await (i % 2 === 0 ? a : b).check('turns'));
    expect(decisions.filter((d) => d.ok)).toHaveLength(20);
    expect(decisions.slice(0, 20).every((d) => d.ok)).toBe(true);
    expect(decisions.slice(20)).toEqual(Array.from({ length: 10 }, () => ({ ok: false, retryAfterSeconds: 45 })));
    expect(await counter('turns', WINDOW)).toBe(20);
  });

  it('never accepts more than the limit from eight containers at once, and the counter never passes it', async () => {
    const now = at('2099-01-01T10:00:30.000Z');
    const containers = Array.from({ length: 8 }, () => dynamoRateLimiter(env.doc, env.name('control'), { perMinute: 50, now }));
    const decisions = await Promise.all(Array.from({ length: 200 }, (_, i) => containers[i % 8]!.check('burst')));
    const accepted = decisions.filter((d) => d.ok).length;
    expect(accepted).toBeLessThanOrEqual(50);
    expect(await counter('burst', WINDOW)).toBeLessThanOrEqual(50);
    // What went unaccepted is only what containers still hold: at most one reservation each.
    expect(accepted).toBeGreaterThanOrEqual(50 - 8 * MAX_RESERVATION);
  });

  it('starts again in the next window', async () => {
    const limiter = dynamoRateLimiter(env.doc, env.name('control'), { perMinute: 1, now: at('2099-01-01T10:00:59.000Z') });
    expect(await limiter.check('windows')).toEqual({ ok: true });
    expect(await limiter.check('windows')).toEqual({ ok: false, retryAfterSeconds: 1 });
    const next = dynamoRateLimiter(env.doc, env.name('control'), { perMinute: 1, now: at('2099-01-01T10:01:00.000Z') });
    expect(await next.check('windows')).toEqual({ ok: true });
  });
});
