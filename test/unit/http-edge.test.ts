// The HTTP edge with in-memory stand-ins (issue 8 points 6 to 11): what the
// body must be (UTF-8 JSON, uncompressed, not too deep), how many problems an
// answer lists, and which faults are 503 or 409 rather than 500.
import { describe, expect, it } from 'vitest';
import { allCatalogs } from '../../shared/domain/operational/catalogs.js';
import { lambdaContext } from '../../infra/local/lambda-context.js';
import { makeIngestAssessment } from '../../functions/ingest-assessment/ingest-assessment.js';
import { guardedHttpFunction } from '../../shared/adapters/http-function.js';
import { errorResult, HttpError, json, readJsonBody, type HttpEvent } from '../../shared/adapters/http.js';
import type { KeyStore } from '../../shared/adapters/key-store.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { s3ObjectStore } from '../../shared/adapters/object-store.js';
import { describeStoreError, storeFault } from '../../shared/adapters/store-faults.js';
import type { SubmissionStore } from '../../shared/adapters/submission-store.js';
import { assessment, httpEvent } from '../support/fixtures.js';

const body = (text: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  httpEvent({ routeKey: 'POST /v1/assessments', headers, body: text });
const bytes = (b: Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }): HttpEvent => ({
  ...body('', headers),
  body: b.toString('base64'),
  isBase64Encoded: true,
});
const refusal = (f: () => unknown): HttpError => {
  try {
    f();
  } catch (e) {
    if (e instanceof HttpError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
};

describe('readJsonBody', () => {
  it('takes JSON in UTF-8, with or without a charset, and identity encoding', () => {
    expect(readJsonBody(body('{"a":1}'))).toEqual({ a: 1 });
    expect(readJsonBody(body('{"a":1}', { 'content-type': 'application/json; charset=UTF-8' }))).toEqual({ a: 1 });
    expect(readJsonBody(body('{"a":1}', { 'content-type': 'application/json', 'content-encoding': 'identity' }))).toEqual({ a: 1 });
    expect(readJsonBody(bytes(Buffer.from('{"a":"één"}')))).toEqual({ a: 'één' });
  });

  it('refuses another charset and any compression with 415', () => {
    const latin = refusal(() => readJsonBody(body('{"a":1}', { 'content-type': 'application/json; charset=iso-8859-1' })));
    expect([latin.status, latin.code, latin.message]).toEqual([415, 'unsupported_charset', 'send the body in UTF-8, not iso-8859-1']);
    const gzip = refusal(() =>
      readJsonBody(bytes(Buffer.from([0x1f, 0x8b, 8, 0]), { 'content-type': 'application/json', 'content-encoding': 'gzip' })),
    );
    expect([gzip.status, gzip.code]).toEqual([415, 'unsupported_content_encoding']);
  });

  it('refuses bytes that are not UTF-8 with 400, rather than reading them as U+FFFD', () => {
    const e = refusal(() => readJsonBody(bytes(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d]))));
    expect([e.status, e.code, e.message]).toEqual([400, 'invalid_utf8', 'the body is not valid UTF-8']);
  });

  it('refuses a body nested 3,000 deep with a plain message, never the stack overflow', () => {
    const e = refusal(() => readJsonBody(body(`${'['.repeat(3000)}${']'.repeat(3000)}`)));
    expect([e.status, e.code, e.message]).toEqual([400, 'too_deeply_nested', 'the body nests arrays and objects more than 32 levels deep']);
    expect(JSON.stringify(errorResult(e))).not.toMatch(/call stack/i);
    expect(readJsonBody(body(`${'['.repeat(32)}${']'.repeat(32)}`))).toBeDefined();
  });

  const answer = (text: string) => {
    const e = refusal(() => readJsonBody(body(text)));
    return { status: e.status, code: e.code, message: e.message, details: e.details };
  };
  const repeated = (...paths: string[]) => ({
    status: 400,
    code: 'duplicate_keys',
    message: 'the body repeats a key',
    details: paths.map((path) => ({ path, message: 'duplicate key' })),
  });
  const malformed = (message: string) => ({
    status: 400,
    code: 'malformed_json',
    message: 'the body is not valid JSON',
    details: [{ path: '(body)', message }],
  });

  it('names every repeated key by its path, nested, in arrays, escaped alike or "__proto__"', () => {
    expect(answer('{"a":{"b":1,"b":2},"c":[{"d":1},{"d":2,"e":0,"d":3}],"a":0}')).toEqual(repeated('a.b', 'c[1].d', 'a'));
    expect(answer('{"a":1,"\\u0061":2}')).toEqual(repeated('a'));
    expect(answer('[[{"x":{"y":[{"z":1,"z":1}]}}]]')).toEqual(repeated('[0][0].x.y[0].z'));
    expect(answer('{"__proto__":{},"__proto__":1}')).toEqual(repeated('__proto__'));
    expect(answer('{"a:b":"c:d","a:b":"\\":"}')).toEqual(repeated('a:b'));
  });

  it('takes the same key in different objects, colons in strings and "__proto__" as an own key', () => {
    expect(readJsonBody(body('{"a":{"a":1},"b":[{"a":1},{"a":2}],"c":{}}'))).toEqual({ a: { a: 1 }, b: [{ a: 1 }, { a: 2 }], c: {} });
    expect(readJsonBody(body('{"a":"x:y","b\\":":"\\":","c":[":"]}'))).toEqual({ a: 'x:y', 'b":': '":', c: [':'] });
    const proto = readJsonBody(body('{"__proto__":{"polluted":true}}')) as object;
    expect([Object.keys(proto), Object.getPrototypeOf(proto) === Object.prototype, ({} as { polluted?: true }).polluted]).toEqual([
      ['__proto__'],
      true,
      undefined,
    ]);
  });

  it('says why malformed JSON is malformed, with line and column, before any repeated key', () => {
    expect(answer('{"a":1,')).toEqual(malformed('Unexpected token Comma found. (1:7)'));
    expect(answer('{"a":1,"a":2')).toEqual(malformed('Unexpected end of input found. (1:13)'));
    expect(answer('{"a":1} x')).toEqual(malformed("Unexpected character 'x' found. (1:9)"));
  });

  it('refuses a control character inside a string with 400, not 500, and still names a repeated key first', () => {
    const text = '{"a":"x\u0001"}';
    const why = (() => {
      try {
        JSON.parse(text);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error('JSON.parse took a control character');
    })();
    expect(answer(text)).toEqual(malformed(why));
    expect(answer('{"a":"\n","a":1}')).toEqual(repeated('a'));
  });
});

describe('errorResult', () => {
  it('lists at most 100 problems and says how many more there were', () => {
    const details = Array.from({ length: 27_000 }, (_, i) => ({ path: `answers[${i}]`, message: 'unknown criterion' }));
    const r = errorResult(new HttpError(422, 'invalid_assessment', 'the assessment has 27000 problem(s)', details));
    const b = JSON.parse(r.body!) as { error: { details: unknown[]; moreProblems: number } };
    expect(b.error.details).toHaveLength(100);
    expect(b.error.moreProblems).toBe(26_900);
    expect(JSON.parse(errorResult(new HttpError(404, 'not_found', 'no')).body!)).toEqual({
      error: { code: 'not_found', message: 'no', details: [] },
    });
  });
});

const principal = { keyId: 'p1', role: 'service-provider' as const, organisationId: 'OVO000123' };
const guardDeps = {
  keys: { create: () => Promise.reject(new Error('no')), lookup: async () => principal } satisfies KeyStore,
  limiter: { check: async () => ({ ok: true as const }) },
  authFailures: { blocked: () => ({ ok: true as const }), failed: async () => ({ ok: true as const }) },
  logger: createLogger('test'),
  indicatorCatalogs: { all: async () => allCatalogs() },
};
const context = () => lambdaContext('test', 10, 128);
const withKey = { 'content-type': 'application/json', authorization: 'Bearer k' };

describe('a hostile body costs little', () => {
  it('answers 27,000 answers in 1 MiB with one short 422 and stores nothing', async () => {
    let stored = 0;
    const submissions = { putAssessment: async () => ((stored += 1), { kind: 'stored' as const }) } as unknown as SubmissionStore;
    const ingest = makeIngestAssessment({
      ...guardDeps,
      submissions,
      now: () => new Date('2026-10-02T00:00:00Z'),
      today: () => '2026-10-02',
      newId: () => 'id',
    });
    const answers = Array.from({ length: 27_000 }, () => ({ criterionId: 'SD-G1', answer: 'no' }));
    const text = JSON.stringify({ ...assessment(), answers });
    expect(Buffer.byteLength(text)).toBeGreaterThan(1_000_000);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1024 * 1024);
    const r = await ingest(httpEvent({ routeKey: 'POST /v1/assessments', headers: withKey, body: text }), context());
    expect(r.statusCode).toBe(422);
    expect(r.body!.length).toBeLessThan(2_000);
    expect(JSON.parse(r.body!).error.details).toEqual([{ path: 'answers', message: '27000 items; at most 200' }]);
    expect(stored).toBe(0);
  });
});

const fault = (props: Record<string, unknown>) => Object.assign(new Error('x'), props);

describe('store faults', () => {
  it('recognises an unreachable store, a timeout and throttling as unavailable, and a transaction conflict as a lost race', () => {
    expect(storeFault(fault({ code: 'ECONNREFUSED' }))).toMatchObject({ kind: 'unavailable', reason: 'unreachable' });
    expect(storeFault(fault({ name: 'TimeoutError' }))).toMatchObject({ kind: 'unavailable', reason: 'timed out' });
    expect(storeFault(fault({ name: 'ProvisionedThroughputExceededException' }))).toMatchObject({ reason: 'throttled' });
    expect(storeFault(fault({ name: 'SlowDown', $metadata: { httpStatusCode: 503 } }))).toMatchObject({ reason: 'throttled' });
    expect(storeFault(fault({ name: 'InternalServerError', $metadata: { httpStatusCode: 500 } }))).toMatchObject({ reason: 'failing' });
    expect(storeFault(fault({ name: 'Error', cause: fault({ code: 'ECONNRESET' }) }))).toMatchObject({ reason: 'unreachable' });
    expect(
      storeFault(fault({ name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'None' }, { Code: 'TransactionConflict' }] })),
    ).toEqual({
      kind: 'conflict',
      retryAfterSeconds: 1,
    });
    expect(storeFault(new TypeError('x is undefined'))).toBeNull();
    expect(storeFault(fault({ name: 'ValidationException', $metadata: { httpStatusCode: 400 } }))).toBeNull();
    expect(describeStoreError(fault({ code: 'ECONNREFUSED' }))).toBe('unreachable (ECONNREFUSED)');
  });

  it('answers 503 with Retry-After for a store that is down, 409 for a lost race, 500 only for the rest', async () => {
    const committee = {
      ...guardDeps,
      keys: { ...guardDeps.keys, lookup: async () => ({ keyId: 'c1', role: 'steering-committee' as const }) },
    };
    const failing = (err: Error) =>
      guardedHttpFunction('getIndicators', committee, async () => {
        throw err;
      });
    const ev = httpEvent({ routeKey: 'GET /v1/indicators', headers: withKey });
    const down = await failing(fault({ code: 'ECONNREFUSED', $metadata: { attempts: 3 } }))(ev, context());
    expect(down.statusCode).toBe(503);
    expect(down.headers?.['retry-after']).toBe('2');
    expect(JSON.parse(down.body!).error).toEqual({
      code: 'service_unavailable',
      message: 'a data store is not answering in time; try again in 2 s',
      details: [],
    });
    const lost = await failing(fault({ name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'TransactionConflict' }] }))(
      ev,
      context(),
    );
    expect([lost.statusCode, lost.headers?.['retry-after']]).toEqual([409, '1']);
    expect((await failing(new TypeError('bug'))(ev, context())).statusCode).toBe(500);
    // A key lookup that cannot reach the store is the same 503, from the guard.
    const guarded = guardedHttpFunction(
      'getIndicators',
      { ...guardDeps, keys: { ...guardDeps.keys, lookup: () => Promise.reject(fault({ code: 'ECONNREFUSED' })) } },
      async () => json(200, {}),
    );
    expect((await guarded(ev, context())).statusCode).toBe(503);
  });

  it("answers 503 when the function's own time runs out, logged as our error, not as the store's warning", async () => {
    const logged: Array<{ level: string; message: string }> = [];
    const logger = createLogger('test');
    logger.error = ((message: string) => void logged.push({ level: 'error', message })) as typeof logger.error;
    logger.warn = ((message: string) => void logged.push({ level: 'warn', message })) as typeof logger.warn;
    const committee = {
      ...guardDeps,
      logger,
      keys: { ...guardDeps.keys, lookup: async () => ({ keyId: 'c1', role: 'steering-committee' as const }) },
    };
    const slow = guardedHttpFunction('getIndicators', committee, () => new Promise<never>(() => undefined));
    // 0.6 s left: middy answers half a second before the end, so after about 0.1 s.
    const res = await slow(httpEvent({ routeKey: 'GET /v1/indicators', headers: withKey }), lambdaContext('test', 0.6, 128));
    expect([res.statusCode, res.headers?.['retry-after']]).toEqual([503, '30']);
    expect(JSON.parse(res.body!).error).toEqual({
      code: 'service_unavailable',
      message: 'this request took longer than we allow; try again later',
      details: [],
    });
    expect(logged).toEqual([{ level: 'error', message: 'ran out of time' }]);
  });
});

describe('the object store', () => {
  it('reads a key the stand-in answers with a plain-text 404 (an empty path segment) as missing, not as an error', async () => {
    const s3 = {
      send: async () =>
        Promise.reject(Object.assign(new Error('Deserialization error'), { name: 'Unknown', $metadata: { httpStatusCode: 404 } })),
    };
    expect(await s3ObjectStore(s3 as never).get('bucket', 'reports/2026-Q3//index.html')).toBeNull();
    const broken = {
      send: async () => Promise.reject(Object.assign(new Error('denied'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } })),
    };
    await expect(s3ObjectStore(broken as never).get('bucket', 'x')).rejects.toThrow('denied');
  });
});
