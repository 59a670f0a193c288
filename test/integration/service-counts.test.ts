// POST /v1/service-counts through the projector into the indicator overview,
// against DynamoDB Local through the real SDK clients.
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { rebuildProjections } from '../../shared/use-cases/project.js';
import { eventToAttributes } from '../../shared/adapters/submission-items.js';
import { httpEvent, jsonHeaders } from '../support/fixtures.js';
import { drainProjector, wire } from '../support/handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let app: ReturnType<typeof wire>;
let mbp: string; // Mijn Burgerprofiel operator
let elo: string; // E-loket ondernemers operator
let admin: string;
let committee: string;

type Row = { organisationId: string; targetGroup: string; servicesOffered: number; volumes?: Record<string, number> };
const row = (organisationId: string, servicesOffered: number, volumes?: Record<string, number>, targetGroup = 'burgers'): Row => ({
  organisationId,
  targetGroup,
  servicesOffered,
  ...(volumes ? { volumes } : {}),
});

const post = (key: string, body: unknown, headers: Record<string, string> = {}) =>
  app.ingestCounts(
    httpEvent({ routeKey: 'POST /v1/service-counts', headers: { ...jsonHeaders(key), ...headers }, body: JSON.stringify(body) }),
    app.context(),
  );
const bodyOf = (r: { body?: string }) => JSON.parse(r.body ?? 'null') as Record<string, any>;

async function drain() {
  await drainProjector(env, app);
}

async function overview(period: string) {
  const res = await app.getIndicators(
    httpEvent({ routeKey: 'GET /v1/indicators', headers: { authorization: `Bearer ${committee}` }, query: { period } }),
    app.context(),
  );
  expect(res.statusCode).toBe(200);
  return bodyOf(res);
}

async function storedCount(): Promise<number> {
  return (await env.ddb.send(new ScanCommand({ TableName: env.name('submissions'), Select: 'COUNT' }))).Count ?? 0;
}

beforeAll(async () => {
  env = await standIns('counts');
  app = wire(env);
  mbp = (await app.keys.create({ role: 'eloket-operator', eloketId: 'mijn-burgerprofiel' })).key;
  elo = (await app.keys.create({ role: 'eloket-operator', eloketId: 'e-loket-ondernemers' })).key;
  admin = (await app.keys.create({ role: 'admin' })).key;
  committee = (await app.keys.create({ role: 'steering-committee' })).key;
});

describe('key scoping', () => {
  it('takes the e-loket from the key, and refuses a body naming another one with 403', async () => {
    const ok = await post(mbp, { period: '2025-01', counts: [row('OVO1', 1)] });
    expect(ok.statusCode).toBe(201);
    expect(bodyOf(ok)).toEqual({ reportId: expect.stringMatching(/^[0-9a-f-]{36}$/), version: 1 });
    const before = await storedCount();
    const res = await post(mbp, { eloket: 'e-loket-ondernemers', period: '2025-01', counts: [row('OVO1', 1)] });
    expect(res.statusCode).toBe(403);
    expect(bodyOf(res).error.details).toEqual([{ path: 'eloket', message: 'not the e-loket of this key' }]);
    const provider = (await app.keys.create({ role: 'service-provider', organisationId: 'OVO1' })).key;
    expect((await post(provider, { period: '2025-01', counts: [] })).statusCode).toBe(403);
    expect(await storedCount()).toBe(before);
  });
});

describe('figures', () => {
  it('keeps a channel left out as no data, apart from an observed 0, and counts the rows with data', async () => {
    await post(mbp, {
      period: '2025-02',
      counts: [row('OVO1', 4, { click: 10, call: 0 }), row('OVO2', 2), row('OVO3', 0, { connect: 5 }, 'ondernemers')],
    });
    await drain();
    const f = (await overview('2025-02')).eloketten['mijn-burgerprofiel'];
    expect(f).toEqual({
      status: 'reported',
      version: 1,
      servicesOffered: 6,
      providers: 2,
      byTargetGroup: { burgers: 6, ondernemers: 0 },
      volumes: { click: 10, call: 0, connect: 5, other: null, total: 15, rows: 3, rowsWithData: 2 },
      digitalShare: 10 / 15,
    });
  });

  it('says no_data for a period never reported, never 0', async () => {
    const o = await overview('2024-05');
    expect(o.eloketten['mijn-burgerprofiel']).toEqual({ status: 'no_data' });
    expect(o.eloketten.verenigingsloket).toEqual({ status: 'no_data' });
    expect(o.all).toEqual({ status: 'no_data' });
  });

  it('computes the digital share as a ratio of sums, unrounded, and null when nothing was counted', async () => {
    await post(elo, {
      period: '2025-03',
      counts: [row('OVO1', 1, { click: 1, call: 3 }, 'ondernemers'), row('OVO2', 1, { click: 100, call: 0 }, 'ondernemers')],
    });
    await post(mbp, { period: '2025-03', counts: [row('OVO1', 1, { click: 0, call: 0, connect: 0, other: 0 })] });
    await drain();
    const o = await overview('2025-03');
    // (1 + 100) / (4 + 100), not the average of 1/4 and 100/100
    expect(o.eloketten['e-loket-ondernemers'].digitalShare).toBe(101 / 104);
    expect(o.eloketten['mijn-burgerprofiel'].digitalShare).toBeNull();
    expect(o.eloketten['mijn-burgerprofiel'].volumes.total).toBe(0);
    expect(o.all).toMatchObject({ status: 'aggregated', eloketten: 2, servicesOffered: 3, providers: 2, digitalShare: 101 / 104 });
  });

  it('replaces a report with its correction, whatever order the projector sees them in', async () => {
    const v1 = await post(mbp, { period: '2025-04', counts: [row('OVO1', 100, { click: 100 })] });
    const v2 = await post(mbp, { period: '2025-04', counts: [row('OVO1', 60, { click: 60 })] });
    expect(bodyOf(v1).version).toBe(1);
    expect(bodyOf(v2).version).toBe(2);
    // The stream hands over the newer report first and the older one late.
    const stored = await app.submissions.latestServiceCounts('mijn-burgerprofiel', '2025-04');
    const older = { ...stored!, payload: { ...stored!.payload, version: 1, counts: [row('OVO1', 100, { click: 100 })] } } as typeof stored;
    const record = (e: NonNullable<typeof stored>, n: string): DynamoDBRecord => ({
      eventName: 'INSERT',
      dynamodb: { NewImage: eventToAttributes(e) as never, SequenceNumber: n },
    });
    await app.projector({ Records: [record(stored!, '2'), record(older!, '1')] } as never, app.context());
    await app.projector({ Records: [record(older!, '3')] } as never, app.context());
    expect(
      await app.projections.putCounts({
        eloket: 'mijn-burgerprofiel',
        period: '2025-04',
        version: 1,
        reportId: 'old',
        submittedAt: '2025-05-01T00:00:00.000Z',
        summary: (await app.projections.listCounts('mijn-burgerprofiel', '2025-04'))[0]!.summary,
      }),
    ).toBe('stale');
    await drain();
    const f = (await overview('2025-04')).eloketten['mijn-burgerprofiel'];
    expect(f).toMatchObject({ status: 'reported', version: 2, servicesOffered: 60, volumes: { click: 60, total: 60 } });
    expect((await overview('2025-Q2')).eloketten['mijn-burgerprofiel']).toMatchObject({
      status: 'derived',
      servicesOffered: 60,
      subPeriodsReported: 1,
      subPeriods: 3,
    });
  });
});

describe('roll-up', () => {
  it('derives a quarter from its months: flows summed, the stock from the last month reported', async () => {
    await post(elo, { period: '2025-07', counts: [row('OVO1', 5, { click: 10, call: 2 }, 'ondernemers')] });
    await post(elo, {
      period: '2025-09',
      counts: [row('OVO1', 7, { click: 30 }, 'ondernemers'), row('OVO2', 1, undefined, 'ondernemers')],
    });
    await drain();
    expect((await overview('2025-Q3')).eloketten['e-loket-ondernemers']).toEqual({
      status: 'derived',
      derivedFrom: 'months',
      subPeriodsReported: 2,
      subPeriods: 3,
      servicesOffered: 8,
      providers: 2,
      byTargetGroup: { ondernemers: 8 },
      volumes: { click: 40, call: 2, connect: null, other: null, total: 42, rows: 3, rowsWithData: 2 },
      digitalShare: 40 / 42,
    });
  });

  it('lets a report for the quarter itself stand over its months', async () => {
    await post(elo, { period: '2025-Q3', counts: [row('OVO1', 9, { click: 50, call: 50 }, 'ondernemers')] });
    await drain();
    expect((await overview('2025-Q3')).eloketten['e-loket-ondernemers']).toMatchObject({
      status: 'reported',
      version: 1,
      servicesOffered: 9,
      digitalShare: 0.5,
    });
  });

  it('derives a year from its quarters, each reported or itself derived from months', async () => {
    const y = (await overview('2025')).eloketten['e-loket-ondernemers'];
    // Q1 from 2025-03, Q3 reported; Q2 and Q4 have nothing. The stock is Q3's.
    expect(y).toMatchObject({ status: 'derived', derivedFrom: 'quarters', subPeriodsReported: 2, subPeriods: 4, servicesOffered: 9 });
    expect(y.volumes).toEqual({ click: 151, call: 53, connect: null, other: null, total: 204, rows: 3, rowsWithData: 3 });
  });

  it('adds counts up to 10^12 a row exactly, far past 2^53', async () => {
    const big = 999_999_999_999;
    const months = ['2026-01', '2026-02', '2026-03'];
    const many = (n: number, last: number) =>
      Array.from({ length: n }, (_, i) => row(`ORG${String(i).padStart(5, '0')}`, 1, { click: i === n - 1 ? last : big, call: 1 }));
    for (const m of months) expect((await post(mbp, { period: m, counts: many(5000, m === '2026-03' ? 1 : big) })).statusCode).toBe(201);
    await drain();
    const q = (await overview('2026-Q1')).eloketten['mijn-burgerprofiel'];
    const expectedClick = BigInt(big) * 14999n + 1n;
    expect(expectedClick > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(q.volumes.click).toBe(expectedClick.toString());
    expect(q.volumes.call).toBe(15000);
    expect(q.volumes.total).toBe((expectedClick + 15000n).toString());
    expect(q.servicesOffered).toBe(5000);
    const month = (await overview('2026-02')).eloketten['mijn-burgerprofiel'];
    expect(month.volumes.click).toBe(big * 5000);
    expect(month.digitalShare).toBe((big * 5000) / (big * 5000 + 5000));
  });
});

describe('bad input gets every problem named and stores nothing', () => {
  it('names unknown e-loket, target group, bad period, bad counts, duplicates and unknown fields at once', async () => {
    const before = await storedCount();
    const res = await post(admin, {
      eloket: 'nergens-loket',
      period: '2025-13',
      colour: 'blauw',
      counts: [
        row('OVO1', -1),
        { organisationId: 'OVO2', targetGroup: 'studenten', servicesOffered: 1.5 },
        { organisationId: 'OVO3', targetGroup: 'burgers', servicesOffered: '12', volumes: { click: -4, fax: 1 } },
        row('OVO1', 2),
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(
      bodyOf(res)
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual([
      'colour',
      'counts[0].servicesOffered',
      'counts[1].servicesOffered',
      'counts[1].targetGroup',
      'counts[2].servicesOffered',
      'counts[2].volumes.click',
      'counts[2].volumes.fax',
      'counts[3]',
      'eloket',
      'period',
    ]);
    expect(bodyOf(res).error.details).toContainEqual({ path: 'counts[3]', message: 'OVO1 / burgers is already reported at counts[0]' });
    expect(bodyOf(res).error.details).toContainEqual({ path: 'eloket', message: 'unknown e-loket "nergens-loket"' });
    expect(await storedCount()).toBe(before);
  });

  it('refuses more than 5,000 rows with 413', async () => {
    const before = await storedCount();
    const res = await post(mbp, { period: '2025-05', counts: Array.from({ length: 5001 }, (_, i) => row(`O${i}`, 1)) });
    expect(res.statusCode).toBe(413);
    expect(bodyOf(res).error.code).toBe('too_many_rows');
    expect(await storedCount()).toBe(before);
  });

  it('accepts a thematic e-loket once registered', async () => {
    expect((await post(admin, { eloket: 'omgevingsloket', period: '2025-06', counts: [] })).statusCode).toBe(422);
    await app.eloketten.register('omgevingsloket', 'Omgevingsloket');
    expect((await post(admin, { eloket: 'omgevingsloket', period: '2025-06', counts: [row('OVO1', 3)] })).statusCode).toBe(201);
    await drain();
    expect((await overview('2025-06')).eloketten.omgevingsloket).toMatchObject({ status: 'reported', servicesOffered: 3 });
  });

  it('replays a report sent again with the same Idempotency-Key, as the same version', async () => {
    const headers = { 'idempotency-key': 'mbp-2025-08-run-1' };
    const first = await post(mbp, { period: '2025-08', counts: [row('OVO1', 1)] }, headers);
    const again = await post(mbp, { period: '2025-08', counts: [row('OVO1', 1)] }, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(bodyOf(again)).toEqual(bodyOf(first));
    expect((await app.submissions.latestServiceCounts('mijn-burgerprofiel', '2025-08'))?.payload.version).toBe(1);
  });
});

describe('rebuild', () => {
  it('recomputes the same figures from the stored reports', async () => {
    await drain();
    const before = await overview('2025');
    const beforeQ1 = await overview('2026-Q1');
    const result = await rebuildProjections({ submissions: app.submissions, projections: app.projections });
    expect(result.countsReports).toBeGreaterThan(result.countsPeriods);
    expect(await overview('2025')).toEqual(before);
    expect(await overview('2026-Q1')).toEqual(beforeQ1);
  });
});
