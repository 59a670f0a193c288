// POST /v1/assessments and GET /v1/services against DynamoDB Local through the real SDK clients.
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { answers, assessment, httpEvent, jsonHeaders } from '../support/fixtures.js';
import { wire } from '../support/handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let app: ReturnType<typeof wire>;
let providerKey: string;
let otherProviderKey: string;
let committeeKey: string;

beforeAll(async () => {
  env = await standIns('ingest');
  app = wire(env);
  providerKey = (await app.keys.create({ role: 'service-provider', organisationId: 'OVO000123' })).key;
  otherProviderKey = (await app.keys.create({ role: 'service-provider', organisationId: 'OVO000999' })).key;
  committeeKey = (await app.keys.create({ role: 'steering-committee' })).key;
});

const post = (body: unknown, headers: Record<string, string> = jsonHeaders(providerKey)) =>
  app.ingest(
    httpEvent({ routeKey: 'POST /v1/assessments', headers, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    app.context(),
  );
const getService = (org: string, svc: string, key: string) =>
  app.getService(
    httpEvent({
      routeKey: 'GET /v1/services/{organisationId}/{serviceId}',
      headers: { authorization: `Bearer ${key}` },
      pathParameters: { organisationId: org, serviceId: svc },
    }),
    app.context(),
  );
const body = (r: { body?: string }) => JSON.parse(r.body ?? 'null') as Record<string, any>;

async function storedCount(): Promise<number> {
  const out = await env.ddb.send(new ScanCommand({ TableName: env.name('submissions'), Select: 'COUNT' }));
  return out.Count ?? 0;
}

describe('POST /v1/assessments', () => {
  it('stores a valid assessment and answers 201 with its scores, bands and significance', async () => {
    const res = await post(
      assessment({
        serviceId: 'scored',
        answers: answers({
          'SD-G2': 'no',
          'GC-I1': 'not_applicable',
          'GC-I2': 'not_applicable',
          'GC-I3': 'not_applicable',
          'GC-I4': 'not_applicable',
        }),
      }),
    );
    expect(res.statusCode).toBe(201);
    const b = body(res);
    expect(b.assessmentId).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.significant).toBe(true);
    expect(b.catalogVersion).toBe('2022-07');
    expect(b.scores.SD).toEqual({ G: 0.8333333333333334, I: 1, all: 11 / 12 });
    expect(b.scores.GC).toEqual({ G: 1, I: null, all: 1 });
    expect(b.bands.GC).toEqual({ G: 'good', I: 'n/a', all: 'good' });
    expect(b.scores.all).toEqual({ G: 26 / 27, I: 1, all: 47 / 48 });
    expect(res.headers?.location).toBe('/v1/services/OVO000123/scored');
  });

  it('lets the owner and the committee read the service: latest pre and post, history newest first', async () => {
    const pre = body(await post(assessment({ serviceId: 'history', phase: 'pre', assessedOn: '2026-01-10' })));
    const post1 = body(
      await post(assessment({ serviceId: 'history', phase: 'post', assessedOn: '2026-06-01', answers: answers({ 'BT-I1': 'no' }) })),
    );
    // Same assessedOn, submitted later: the resubmission corrects.
    const post2 = body(await post(assessment({ serviceId: 'history', phase: 'post', assessedOn: '2026-06-01' })));
    const older = body(await post(assessment({ serviceId: 'history', phase: 'pre', assessedOn: '2025-12-01' })));
    const res = await getService('OVO000123', 'history', providerKey);
    expect(res.statusCode).toBe(200);
    const view = body(res);
    expect(view.pre.assessmentId).toBe(pre.assessmentId);
    expect(view.post.assessmentId).toBe(post2.assessmentId);
    expect(view.post.scores.BT.I).toBe(1);
    expect(view.history.map((h: { assessmentId: string }) => h.assessmentId)).toEqual([
      post2.assessmentId,
      post1.assessmentId,
      pre.assessmentId,
      older.assessmentId,
    ]);
    expect(view).toMatchObject({
      organisationId: 'OVO000123',
      serviceId: 'history',
      name: 'Omgevingsvergunning aanvragen',
      significant: true,
    });
    expect((await getService('OVO000123', 'history', committeeKey)).statusCode).toBe(200);
  });

  it('answers 404 for a service nobody assessed', async () => {
    expect((await getService('OVO000123', 'unknown-service', providerKey)).statusCode).toBe(404);
  });

  it('refuses a provider reading another organisation\u2019s service with 403', async () => {
    const res = await getService('OVO000123', 'history', otherProviderKey);
    expect(res.statusCode).toBe(403);
    expect(body(res).error.code).toBe('forbidden');
  });
});

describe('bad input gets a clear error and stores nothing', () => {
  const cases: Array<[string, () => Promise<{ statusCode?: number; body?: string }>, number, string]> = [
    ['malformed JSON', () => post('{"organisationId": "OVO000123",'), 400, 'malformed_json'],
    ['duplicate keys', () => post('{"organisationId": "OVO000123", "organisationId": "OVO000123"}'), 400, 'duplicate_keys'],
    [
      'not JSON',
      () => post(JSON.stringify(assessment()), { ...jsonHeaders(providerKey), 'content-type': 'text/plain' }),
      415,
      'unsupported_media_type',
    ],
    ['over 1 MiB', () => post(JSON.stringify({ ...assessment(), pad: 'x'.repeat(1024 * 1024) })), 413, 'payload_too_large'],
    ['no key', () => post(assessment(), { 'content-type': 'application/json' }), 401, 'unauthorized'],
    [
      'an unknown key',
      () => post(assessment(), jsonHeaders('dds_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')),
      401,
      'unauthorized',
    ],
    ['a committee key', () => post(assessment(), jsonHeaders(committeeKey)), 403, 'forbidden'],
    ['another organisation in the body', () => post(assessment({ organisationId: 'OVO000999' })), 403, 'forbidden'],
    ['a JSON array', () => post([1, 2]), 422, 'invalid_assessment'],
    ['null', () => post('null'), 422, 'invalid_assessment'],
    ['answers that are not a list', () => post({ ...assessment(), answers: 'yes' }), 422, 'invalid_assessment'],
  ];
  for (const [what, send, status, code] of cases) {
    it(`${what}: ${status} ${code}`, async () => {
      const before = await storedCount();
      const res = await send();
      expect(res.statusCode).toBe(status);
      const b = body(res);
      expect(b.error.code).toBe(code);
      expect(typeof b.error.message).toBe('string');
      expect(Array.isArray(b.error.details)).toBe(true);
      expect(res.body).not.toMatch(/at .*\.ts:\d+|Error:/);
      expect(await storedCount()).toBe(before);
    });
  }

  it('names every missing criterion, duplicate and unexplained no in one 422', async () => {
    const before = await storedCount();
    const list = answers().filter((a) => !['SD-G1', 'DG-I5'].includes(a.criterionId));
    list.push({ criterionId: 'BT-G1', answer: 'no' });
    list[3] = { criterionId: list[3]!.criterionId, answer: 'no' };
    const res = await post(assessment({ answers: list }));
    expect(res.statusCode).toBe(422);
    expect(body(res).error.details).toEqual([
      { path: 'answers[3].explanation', message: 'criterion SD-G5 is not met: explain why (comply or explain)' },
      { path: 'answers[50].criterionId', message: 'criterion BT-G1 is answered more than once (first at answers[41])' },
      { path: 'answers[50].explanation', message: 'criterion BT-G1 is not met: explain why (comply or explain)' },
      { path: 'answers', message: 'criterion SD-G1 is not answered' },
      { path: 'answers', message: 'criterion DG-I5 is not answered' },
    ]);
    expect(await storedCount()).toBe(before);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first answer with 200 for the same key and body, and stores once', async () => {
    const headers = { ...jsonHeaders(providerKey), 'idempotency-key': 'batch-2026-10-01-001' };
    const before = await storedCount();
    const first = await post(assessment({ serviceId: 'idem' }), headers);
    const again = await post(assessment({ serviceId: 'idem' }), headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(body(again)).toEqual(body(first));
    expect(await storedCount()).toBe(before + 1);
  });

  it('refuses the same key with another body with 422, storing nothing', async () => {
    const headers = { ...jsonHeaders(providerKey), 'idempotency-key': 'batch-2026-10-01-002' };
    expect((await post(assessment({ serviceId: 'idem2' }), headers)).statusCode).toBe(201);
    const before = await storedCount();
    const res = await post(assessment({ serviceId: 'idem2', phase: 'post' }), headers);
    expect(res.statusCode).toBe(422);
    expect(body(res).error.code).toBe('idempotency_key_reused');
    expect(await storedCount()).toBe(before);
  });

  it('scopes keys to the organisation: another provider may use the same key', async () => {
    const key = 'shared-key-name';
    expect((await post(assessment({ serviceId: 'scoped' }), { ...jsonHeaders(providerKey), 'idempotency-key': key })).statusCode).toBe(201);
    const other = await post(assessment({ organisationId: 'OVO000999', serviceId: 'scoped' }), {
      ...jsonHeaders(otherProviderKey),
      'idempotency-key': key,
    });
    expect(other.statusCode).toBe(201);
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past the key\u2019s requests per minute, storing nothing', async () => {
    const limited = wire(env, { perMinute: 2, now: () => new Date('2026-11-23T10:00:15.000Z') });
    const key = (await limited.keys.create({ role: 'service-provider', organisationId: 'OVO000555' })).key;
    const send = (serviceId: string) =>
      limited.ingest(
        httpEvent({
          routeKey: 'POST /v1/assessments',
          headers: jsonHeaders(key),
          body: JSON.stringify(assessment({ organisationId: 'OVO000555', serviceId })),
        }),
        limited.context(),
      );
    expect((await send('r1')).statusCode).toBe(201);
    expect((await send('r2')).statusCode).toBe(201);
    const before = await storedCount();
    const res = await send('r3');
    expect(res.statusCode).toBe(429);
    expect(res.headers?.['retry-after']).toBe('45');
    expect(body(res).error.code).toBe('rate_limited');
    expect(await storedCount()).toBe(before);
    // Another key is not affected.
    expect((await post(assessment({ serviceId: 'unaffected' }))).statusCode).toBe(201);
  });
});
