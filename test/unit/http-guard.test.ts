// The guard alone, with an in-memory key store: what it does with a route the
// topology does not declare, with admin keys, with HTTP Basic, and with the rate limit.
import { describe, expect, it } from 'vitest';
import { lambdaContext } from '../../infra/local/lambda-context.js';
import { guardedHttpFunction, publicHttpFunction } from '../../shared/adapters/http-function.js';
import { json } from '../../shared/adapters/http.js';
import type { KeyStore, Principal } from '../../shared/adapters/key-store.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { httpEvent } from '../support/fixtures.js';

const principals: Record<string, Principal> = {
  committee: { keyId: 'c1', role: 'steering-committee' },
  admin: { keyId: 'a1', role: 'admin' },
  provider: { keyId: 'p1', role: 'service-provider', organisationId: 'OVO000123' },
  throttled: { keyId: 't1', role: 'steering-committee' },
};
const keys: KeyStore = { create: () => Promise.reject(new Error('not here')), lookup: async (k) => principals[k] ?? null };
const limiter = { check: async (keyId: string) => (keyId === 't1' ? { ok: false as const, retryAfterSeconds: 7 } : { ok: true as const }) };
const authFailures = { blocked: () => ({ ok: true as const }), failed: async () => ({ ok: true as const }) };
const deps = { keys, limiter, authFailures, logger: createLogger('test') };
const context = () => lambdaContext('test', 10, 128);

const seen: string[] = [];
const indicators = guardedHttpFunction('getIndicators', deps, async (_event, caller) => {
  seen.push(caller.keyId);
  return json(200, { caller: caller.keyId });
});
const committee = guardedHttpFunction('committeeReports', deps, async (_event, caller) => json(200, { caller: caller.keyId }));

const bearer = (k: string) => ({ authorization: `Bearer ${k}` });

describe('the guard', () => {
  it('passes the declared role and admin, with the caller it found', async () => {
    expect((await indicators(httpEvent({ routeKey: 'GET /v1/indicators', headers: bearer('committee') }), context())).statusCode).toBe(200);
    const r = await indicators(httpEvent({ routeKey: 'GET /v1/indicators', headers: bearer('admin') }), context());
    expect(JSON.parse(r.body!)).toEqual({ caller: 'a1' });
  });

  it('refuses another role with 403 and no key with 401, before the handler runs', async () => {
    seen.length = 0;
    const forbidden = await indicators(httpEvent({ routeKey: 'GET /v1/indicators', headers: bearer('provider') }), context());
    expect(forbidden.statusCode).toBe(403);
    expect(JSON.parse(forbidden.body!).error.message).toBe('this needs a key with role steering-committee');
    const anonymous = await indicators(httpEvent({ routeKey: 'GET /v1/indicators' }), context());
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers?.['www-authenticate']).toBe('Bearer');
    expect(seen).toEqual([]);
  });

  it('answers 404 on a route the topology does not declare for the function', async () => {
    const r = await indicators(httpEvent({ routeKey: 'POST /v1/indicators', headers: bearer('admin') }), context());
    expect(r.statusCode).toBe(404);
  });

  it('takes the key as an HTTP Basic password only where the route allows it', async () => {
    const basic = { authorization: `Basic ${Buffer.from('wie-dan-ook:committee').toString('base64')}` };
    expect((await committee(httpEvent({ routeKey: 'GET /committee/{proxy+}', headers: basic }), context())).statusCode).toBe(200);
    const r = await indicators(httpEvent({ routeKey: 'GET /v1/indicators', headers: basic }), context());
    expect(r.statusCode).toBe(401);
  });

  it('answers 429 with Retry-After past the key rate', async () => {
    const r = await indicators(httpEvent({ routeKey: 'GET /v1/indicators', headers: bearer('throttled') }), context());
    expect(r.statusCode).toBe(429);
    expect(r.headers?.['retry-after']).toBe('7');
  });

  it('will not build a guarded function over public routes, or the reverse', () => {
    expect(() => guardedHttpFunction('publicDocs', deps, async () => json(200, {}))).toThrow('publicDocs declares a public route');
    expect(() => publicHttpFunction('getIndicators', deps, async () => json(200, {}))).toThrow('getIndicators declares a guarded route');
  });
});
