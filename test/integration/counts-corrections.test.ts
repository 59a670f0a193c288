// Corrections of one e-loket's period against DynamoDB Local (issue 8 points 3
// to 5, issue 14 points 4 and 5): racing corrections each get a version, the
// same content is no new version, an idempotent replay ignores key order, a
// quarter says what it stands over, and a registered id is not taken in
// another case.
import { DeleteItemCommand, QueryCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessment, httpEvent, jsonHeaders } from '../support/fixtures.js';
import { wire } from '../support/handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let app: ReturnType<typeof wire>;
let mbp: string;
let provider: string;

const row = (organisationId: string, servicesOffered: number, volumes?: Record<string, number>) => ({
  organisationId,
  targetGroup: 'burgers',
  servicesOffered,
  ...(volumes ? { volumes } : {}),
});
const postText = (text: string, headers: Record<string, string> = {}) =>
  app.ingestCounts(
    httpEvent({ routeKey: 'POST /v1/service-counts', headers: { ...jsonHeaders(mbp), ...headers }, body: text }),
    app.context(),
  );
const post = (body: unknown, headers: Record<string, string> = {}) => postText(JSON.stringify(body), headers);
const bodyOf = (r: { body?: string }) => JSON.parse(r.body ?? 'null') as Record<string, any>;

async function versionsOf(period: string): Promise<number[]> {
  const out = await env.ddb.send(
    new QueryCommand({
      TableName: env.name('submissions'),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': { S: `COUNTS#mijn-burgerprofiel#${period}` } },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map((i) => Number(i.sk!.S!.slice(2))).sort((a, b) => a - b);
}

beforeAll(async () => {
  env = await standIns('corrections');
  app = wire(env);
  mbp = (await app.keys.create({ role: 'eloket-operator', eloketId: 'mijn-burgerprofiel' })).key;
  provider = (await app.keys.create({ role: 'service-provider', organisationId: 'OVO000123' })).key;
  await app.organisations.put([{ organisationId: 'OVO000101', name: 'Agentschap Honderdeen', kind: 'agency', policyDomain: 'Welzijn' }]);
});

describe('racing corrections of one period', () => {
  it('give every post its own version: 201, never a 500, and the highest is the current one', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => post({ period: '2026-01', counts: [row('OVO1', i)] })));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => ![200, 201, 409].includes(s!))).toEqual([]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.headers?.['retry-after']).toBeDefined();
    const created = results.filter((r) => r.statusCode === 201).map((r) => bodyOf(r).version as number);
    expect(new Set(created).size).toBe(created.length);
    expect(await versionsOf('2026-01')).toEqual([...created].sort((a, b) => a - b));
    const latest = await app.submissions.latestServiceCounts('mijn-burgerprofiel', '2026-01');
    expect(latest?.payload.version).toBe(Math.max(...created));
  });

  it('answers the same Idempotency-Key sent twice at once with one version, the other a replay', async () => {
    const headers = { 'idempotency-key': 'mbp-2026-02-twice' };
    const body = { period: '2026-02', counts: [row('OVO1', 7)] };
    const [a, b] = await Promise.all([post(body, headers), post(body, headers)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(bodyOf(a)).toEqual(bodyOf(b));
    // One version stored (which number depends on who allocated first).
    expect(await versionsOf('2026-02')).toEqual([bodyOf(a).version]);
  });

  it('takes the next version above what is stored when the counter is behind the table (a restore)', async () => {
    for (const n of [1, 2, 3]) expect((await post({ period: '2026-03', counts: [row('OVO1', n)] })).statusCode).toBe(201);
    const counter = { pk: { S: 'COUNTSVERSION#mijn-burgerprofiel#2026-03' }, sk: { S: 'COUNTSVERSION' } };
    await env.ddb.send(
      new UpdateItemCommand({
        TableName: env.name('control'),
        Key: counter,
        UpdateExpression: 'SET version = :one',
        ExpressionAttributeValues: { ':one': { N: '1' } },
      }),
    );
    const r = await post({ period: '2026-03', counts: [row('OVO1', 4)] });
    expect([r.statusCode, bodyOf(r).version]).toEqual([201, 4]);
    await env.ddb.send(new DeleteItemCommand({ TableName: env.name('control'), Key: counter }));
    const s = await post({ period: '2026-03', counts: [row('OVO1', 5)] });
    expect([s.statusCode, bodyOf(s).version]).toEqual([201, 5]);
  });
});

describe('the same content as the current version', () => {
  it('is no new version: 200 with the current version, whatever the order of rows and keys', async () => {
    const first = await post({ period: '2026-04', counts: [row('OVO1', 3, { click: 10 }), row('OVO2', 1)] });
    expect(first.statusCode).toBe(201);
    const same = await postText(
      '{"counts":[{"servicesOffered":1,"targetGroup":"burgers","organisationId":"OVO2"},' +
        '{"volumes":{"click":10},"organisationId":"OVO1","targetGroup":"burgers","servicesOffered":3}],"period":"2026-04"}',
    );
    expect(same.statusCode).toBe(200);
    expect(bodyOf(same)).toEqual(bodyOf(first));
    expect(await versionsOf('2026-04')).toEqual([1]);
    const changed = await post({ period: '2026-04', counts: [row('OVO1', 3, { click: 11 }), row('OVO2', 1)] });
    expect([changed.statusCode, bodyOf(changed).version]).toEqual([201, 2]);
    // Back to the first content: it is not the current version, so it is a new one.
    const back = await post({ period: '2026-04', counts: [row('OVO1', 3, { click: 10 }), row('OVO2', 1)] });
    expect([back.statusCode, bodyOf(back).version]).toEqual([201, 3]);
  });
});

describe('Idempotency-Key compares canonical JSON', () => {
  it('replays a counts report sent again with its keys in another order', async () => {
    const headers = { 'idempotency-key': 'mbp-2026-05-run-1' };
    const first = await postText(
      '{"period":"2026-05","counts":[{"organisationId":"OVO1","targetGroup":"burgers","servicesOffered":2}]}',
      headers,
    );
    const again = await postText(
      '{"counts":[{"servicesOffered":2,"targetGroup":"burgers","organisationId":"OVO1"}],"period":"2026-05"}',
      headers,
    );
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(bodyOf(again)).toEqual(bodyOf(first));
    const other = await postText(
      '{"period":"2026-05","counts":[{"organisationId":"OVO1","targetGroup":"burgers","servicesOffered":9}]}',
      headers,
    );
    expect([other.statusCode, bodyOf(other).error.code]).toEqual([422, 'idempotency_key_reused']);
  });

  it('replays an assessment sent again with its keys in another order', async () => {
    const headers = { ...jsonHeaders(provider), 'idempotency-key': 'ovo-batch-reordered' };
    const body = assessment({ serviceId: 'reordered' });
    const reversed = Object.fromEntries(Object.entries(body).reverse());
    const send = (b: unknown) =>
      app.ingest(httpEvent({ routeKey: 'POST /v1/assessments', headers, body: JSON.stringify(b) }), app.context());
    const first = await send(body);
    const again = await send(reversed);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(bodyOf(again)).toEqual(bodyOf(first));
  });
});

describe('a quarter reported over its months', () => {
  it('says in its 201 how many reported months it overrides; a month says nothing of the kind', async () => {
    const july = await post({ period: '2025-07', counts: [row('OVO1', 1)] });
    expect(bodyOf(july)).toEqual({ reportId: expect.any(String), version: 1 });
    await post({ period: '2025-09', counts: [row('OVO1', 2)] });
    const quarter = await post({ period: '2025-Q3', counts: [row('OVO1', 3)] });
    expect(quarter.statusCode).toBe(201);
    expect(bodyOf(quarter)).toEqual({
      reportId: expect.any(String),
      version: 1,
      overrides: { derivedFrom: 'months', subPeriodsReported: 2 },
    });
    const year = await post({ period: '2025', counts: [row('OVO1', 3)] });
    expect(bodyOf(year).overrides).toEqual({ derivedFrom: 'quarters', subPeriodsReported: 1 });
  });
});

describe('organisation ids in counts rows', () => {
  it('refuses an id that differs from a registered one only by case, naming the registered one', async () => {
    const before = await versionsOf('2026-06');
    const r = await post({ period: '2026-06', counts: [row('OVO000101', 1), row('ovo000101', 2), row('Ovo000101', 3)] });
    expect(r.statusCode).toBe(422);
    expect(bodyOf(r).error.details).toEqual([
      {
        path: 'counts[1].organisationId',
        message: '"ovo000101" differs only by case from the registered organisation "OVO000101"; use "OVO000101"',
      },
      {
        path: 'counts[2].organisationId',
        message: '"Ovo000101" differs only by case from the registered organisation "OVO000101"; use "OVO000101"',
      },
    ]);
    expect(await versionsOf('2026-06')).toEqual(before);
  });

  it('accepts unregistered ids as they are', async () => {
    const r = await post({ period: '2026-06', counts: [row('KBO0123', 1), row('kbo0123', 2), row('OVO000101', 3)] });
    expect(r.statusCode).toBe(201);
  });
});
