// Unknown keys are rate-limited per client (issue 8 point 13): each costs a
// store read, so past the limit a client's address is refused with 429 before
// any lookup, until its minute is over; other clients are not affected.
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoKeyStore, type KeyStore } from '../../shared/adapters/key-store.js';
import type { HttpEvent } from '../../shared/adapters/http.js';
import { httpEvent } from '../support/fixtures.js';
import { wire } from '../support/handlers.js';
import { standIns } from '../support/stand-ins.js';

const LIMIT = 5;
let app: ReturnType<typeof wire>;
let lookups = 0;
let committee: string;
let minute = new Date('2026-10-02T08:00:05Z');

beforeAll(async () => {
  const env = await standIns('authfail');
  const inner = dynamoKeyStore(env.doc, env.name('control'));
  // Every lookup is a store read: count them.
  const keys: KeyStore = { create: (i) => inner.create(i), lookup: (k) => ((lookups += 1), inner.lookup(k)) };
  app = wire(env, { keys, authFailuresPerMinute: LIMIT, now: () => minute });
  committee = (await keys.create({ role: 'steering-committee' })).key;
});

const from = (sourceIp: string, key: string): HttpEvent => {
  const e = httpEvent({ routeKey: 'GET /v1/indicators', headers: { authorization: `Bearer ${key}` }, query: { period: '2026-Q3' } });
  return { ...e, requestContext: { ...e.requestContext, http: { ...e.requestContext.http, sourceIp } } };
};
const guess = (i: number) => `dds_${String(i).padStart(8, '0')}_${'x'.repeat(43)}`;

describe('failed authentications per client', () => {
  it('answer 401 up to the limit, then 429 with Retry-After and no more store reads for that address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) statuses.push((await app.getIndicators(from('203.0.113.7', guess(i)), app.context())).statusCode!);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const readsAtLimit = lookups;
    for (let i = 0; i < 50; i++) {
      const r = await app.getIndicators(from('203.0.113.7', guess(100 + i)), app.context());
      expect(r.statusCode).toBe(429);
      expect(Number(r.headers?.['retry-after'])).toBeGreaterThan(0);
      expect(JSON.parse(r.body!).error.code).toBe('too_many_failed_authentications');
    }
    expect(lookups).toBe(readsAtLimit);
  });

  it('leave other addresses alone, with a valid key or an unknown one', async () => {
    expect((await app.getIndicators(from('198.51.100.20', committee), app.context())).statusCode).toBe(200);
    expect((await app.getIndicators(from('198.51.100.21', guess(999)), app.context())).statusCode).toBe(401);
  });

  it('count per minute: the next minute the address is heard again', async () => {
    minute = new Date('2026-10-02T08:01:01Z');
    expect((await app.getIndicators(from('203.0.113.7', committee), app.context())).statusCode).toBe(200);
    expect((await app.getIndicators(from('203.0.113.7', guess(7)), app.context())).statusCode).toBe(401);
  });

  it('do not count a request without any key (a browser asking for the password)', async () => {
    for (let i = 0; i < LIMIT * 2; i++) {
      const e = httpEvent({ routeKey: 'GET /v1/indicators', query: { period: '2026-Q3' } });
      const r = await app.getIndicators(
        { ...e, requestContext: { ...e.requestContext, http: { ...e.requestContext.http, sourceIp: '192.0.2.9' } } },
        app.context(),
      );
      expect(r.statusCode).toBe(401);
    }
    expect((await app.getIndicators(from('192.0.2.9', committee), app.context())).statusCode).toBe(200);
  });
});
