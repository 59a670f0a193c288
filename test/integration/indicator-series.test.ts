// GET /v1/indicators/series against DynamoDB Local: every point equals the
// figure the overview of its period gives (GET /v1/indicators?period=), the
// total over the range combines those overviews as the design says (flows
// summed, stocks the last, shares as ratios of sums), the CSV says what the
// JSON says, a provider reads only its own organisation, and the pages join up.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { StreamPoller } from '../../infra/local/stream-poller.js';
import { functions } from '../../infra/topology.js';
import { CHANNELS } from '../../shared/domain/service-counts.js';
import { PRINCIPLE_GROUPS } from '../../shared/domain/series.js';
import { assessment, httpEvent, jsonHeaders, TODAY } from '../support/fixtures.js';
import { storeAndProject, wire } from '../support/handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
type Json = Record<string, any>;
let env: Env;
let app: ReturnType<typeof wire>;
let committee: string;
let provider: string; // OVO1's
let operator: string;

const bodyOf = (r: { body?: string }) => JSON.parse(r.body ?? 'null') as Json;

// A small, varied data set: one e-loket reports months, one quarters (and once a month inside a quarter it also
// reported whole), one a correction; volumes sometimes missing per channel; three organisations, one unregistered.
const ELOKETTEN = ['mijn-burgerprofiel', 'e-loket-ondernemers', 'verenigingsloket'] as const;
const MONTHS = ['2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
const QUARTERS = ['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'];
let seed = 7;
const rnd = (n: number) => {
  seed = (seed * 48271) % 2147483647;
  return seed % n;
};
function rows(i: number) {
  const volumes = () => {
    const v: Record<string, number> = {};
    for (const c of CHANNELS) if (rnd(5) > 0) v[c] = rnd(5000);
    return v;
  };
  return [
    { organisationId: 'OVO1', targetGroup: 'burgers', servicesOffered: 10 + (i % 3), volumes: volumes() },
    { organisationId: 'OVO1', targetGroup: 'ondernemers', servicesOffered: 2 + (i % 2), volumes: volumes() },
    { organisationId: 'OVO2', targetGroup: 'burgers', servicesOffered: 5 + (i % 4), ...(i % 3 === 0 ? {} : { volumes: volumes() }) },
    ...(i % 2 === 0 ? [{ organisationId: 'OVO3', targetGroup: 'verenigingen', servicesOffered: 1 + i, volumes: volumes() }] : []),
  ];
}

async function postCounts(key: string, period: string, counts: unknown[]) {
  const res = await app.ingestCounts(
    httpEvent({ routeKey: 'POST /v1/service-counts', headers: jsonHeaders(key), body: JSON.stringify({ period, counts }) }),
    app.context(),
  );
  expect([200, 201]).toContain(res.statusCode);
}

async function drain() {
  await new StreamPoller({
    ddb: env.ddb,
    streams: env.streams,
    region: env.settings.AWS_REGION,
    dataDir: env.settings.dataDir,
    consumers: [
      {
        name: 'projector',
        trigger: functions.projector.stream,
        tableName: env.name('submissions'),
        handler: app.projector as never,
        context: () => app.context('projector'),
      },
    ],
  }).drain();
}

async function overview(period: string): Promise<Json> {
  const res = await app.getIndicators(
    httpEvent({ routeKey: 'GET /v1/indicators', headers: { authorization: `Bearer ${committee}` }, query: { period } }),
    app.context(),
  );
  expect(res.statusCode).toBe(200);
  return bodyOf(res);
}

const series = (query: Record<string, string>, key = committee, headers: Record<string, string> = {}) =>
  app.getIndicatorSeries(
    httpEvent({ routeKey: 'GET /v1/indicators/series', headers: { authorization: `Bearer ${key}`, ...headers }, query }),
    app.context(),
  );

async function seriesJson(query: Record<string, string>): Promise<Json> {
  const res = await series(query);
  expect(res.statusCode, res.body).toBe(200);
  return bodyOf(res);
}

const n = (x: unknown) => (x === null || x === undefined ? null : Number(x));
const sumNullable = (xs: unknown[]) =>
  xs.reduce<number | null>((acc, x) => (x === null || x === undefined ? acc : (acc ?? 0) + Number(x)), null);

beforeAll(async () => {
  env = await standIns('series');
  app = wire(env, { today: TODAY });
  committee = (await app.keys.create({ role: 'steering-committee' })).key;
  provider = (await app.keys.create({ role: 'service-provider', organisationId: 'OVO1' })).key;
  operator = (await app.keys.create({ role: 'eloket-operator', eloketId: 'verenigingsloket' })).key;
  await app.organisations.put([
    { organisationId: 'OVO1', name: 'Departement Eén', kind: 'department', policyDomain: 'Omgeving' },
    { organisationId: 'OVO2', name: 'Agentschap Twee', kind: 'agency', policyDomain: 'Welzijn' },
  ]);
  const keyOf = new Map<string, string>();
  for (const e of ELOKETTEN) keyOf.set(e, (await app.keys.create({ role: 'eloket-operator', eloketId: e })).key);
  for (const [i, m] of MONTHS.entries()) await postCounts(keyOf.get('mijn-burgerprofiel')!, m, rows(i));
  // a correction of one month: it replaces the month whole
  await postCounts(keyOf.get('mijn-burgerprofiel')!, '2025-11', rows(40));
  for (const [i, q] of QUARTERS.entries()) await postCounts(keyOf.get('e-loket-ondernemers')!, q, rows(i + 20));
  // a month inside a quarter the e-loket also reported whole: the quarter's own report stands
  await postCounts(keyOf.get('e-loket-ondernemers')!, '2026-02', rows(33));
  await postCounts(keyOf.get('verenigingsloket')!, '2025-Q4', rows(50));
  await postCounts(keyOf.get('verenigingsloket')!, '2026-04', rows(51));
  await drain();

  const a = (
    organisationId: string,
    serviceId: string,
    phase: 'pre' | 'post',
    assessedOn: string,
    no: string[],
    targetGroups: Array<'burgers' | 'ondernemers'> = ['burgers'],
  ) => ({
    assessmentId: randomUUID(),
    submittedAt: `${assessedOn}T10:00:00.000Z`,
    submission: assessment({
      organisationId,
      serviceId,
      phase,
      assessedOn,
      service: { name: serviceId, targetGroups, budgetEur: 900000, expectedUsers: 1000, eloketten: ['mijn-burgerprofiel'] },
      answers: assessment().answers.map((x) =>
        no.includes(x.criterionId) ? { criterionId: x.criterionId, answer: 'no' as const, explanation: 'Nog niet.' } : x,
      ),
    }),
  });
  await storeAndProject(app, [
    a('OVO1', 'vergunning', 'pre', '2025-08-10', ['SD-G1', 'SD-G2']),
    a('OVO1', 'vergunning', 'post', '2026-02-01', []),
    a('OVO2', 'premie', 'pre', '2025-12-05', ['GC-G1', 'GC-G2', 'GC-G3', 'GC-G4'], ['ondernemers']),
    a('OVO3', 'subsidie', 'post', '2026-05-20', ['BT-I1']),
  ]);
});

describe('GET /v1/indicators/series per e-loket', () => {
  it('gives, for every quarter, the figure the overview of that quarter gives', async () => {
    const s = await seriesJson({ from: '2025-Q3', to: '2026-Q2', groupBy: 'eloket' });
    expect(s).toMatchObject({ granularity: 'quarter', periods: QUARTERS, nextCursor: null });
    const overviews = await Promise.all(QUARTERS.map(overview));
    const groups = (s.series as Json[]).map((x) => x.group);
    expect(groups).toEqual([...Object.keys(overviews[0]!.eloketten)].sort());
    for (const one of s.series as Json[])
      for (const [i, point] of (one.points as Json[]).entries())
        expect(point).toEqual({ period: QUARTERS[i], ...overviews[i]!.eloketten[one.group] });
    // The roll-ups the data set exercises: months summed, a quarter reported whole, a quarter without data.
    const mbp = (s.series as Json[]).find((x) => x.group === 'mijn-burgerprofiel')!;
    expect(mbp.points[0]).toMatchObject({ status: 'derived', subPeriodsReported: 3 });
    expect(mbp.points[3]).toMatchObject({ status: 'derived', subPeriodsReported: 2 });
    const elo = (s.series as Json[]).find((x) => x.group === 'e-loket-ondernemers')!;
    expect(elo.points[2]).toMatchObject({ status: 'reported' });
    const vl = (s.series as Json[]).find((x) => x.group === 'verenigingsloket')!;
    expect(vl.points.map((p: Json) => p.status)).toEqual(['no_data', 'reported', 'no_data', 'derived']);
  });

  it('totals the range as the overviews combine: flows summed, stocks the last, shares as ratios of sums', async () => {
    const s = await seriesJson({ from: '2025-Q3', to: '2026-Q2', groupBy: 'eloket' });
    const overviews = await Promise.all(QUARTERS.map(overview));
    for (const one of s.series as Json[]) {
      const figures = overviews.map((o) => o.eloketten[one.group]).filter((f: Json) => f.status !== 'no_data');
      const last = figures[figures.length - 1];
      if (!last) {
        expect(one.total).toEqual({ status: 'no_data' });
        continue;
      }
      const volumes = Object.fromEntries([...CHANNELS, 'total'].map((c) => [c, sumNullable(figures.map((f: Json) => f.volumes[c]))]));
      expect(one.total).toMatchObject({
        status: 'aggregated',
        points: figures.length,
        servicesOffered: last.servicesOffered,
        providers: last.providers,
        byTargetGroup: last.byTargetGroup,
        volumes: { ...volumes, rows: figures.reduce((a: number, f: Json) => a + f.volumes.rows, 0) },
      });
      expect(one.total.digitalShare).toBeCloseTo(volumes.click! / volumes.total!, 12);
    }
  });

  it('gives years and months too, each as its own overview', async () => {
    const years = await seriesJson({ from: '2025', to: '2026', groupBy: 'eloket' });
    for (const [i, y] of ['2025', '2026'].entries()) {
      const o = await overview(y);
      for (const one of years.series as Json[]) expect(one.points[i]).toEqual({ period: y, ...o.eloketten[one.group] });
    }
    const months = await seriesJson({ from: '2025-10', to: '2026-03', groupBy: 'eloket', eloket: 'mijn-burgerprofiel' });
    expect((months.series as Json[]).map((x) => x.group)).toEqual(['mijn-burgerprofiel']);
    for (const [i, m] of (months.periods as string[]).entries())
      expect(months.series[0].points[i]).toEqual({ period: m, ...(await overview(m)).eloketten['mijn-burgerprofiel'] });
  });
});

describe('GET /v1/indicators/series per target group, organisation and policy domain', () => {
  for (const groupBy of ['targetGroup', 'organisation', 'policyDomain']) {
    it(`per ${groupBy}: the groups of a period add up to the overview's all`, async () => {
      const s = await seriesJson({ from: '2025-Q3', to: '2026-Q2', groupBy });
      expect((s.series as Json[]).length).toBeGreaterThan(1);
      for (const [i, period] of QUARTERS.entries()) {
        const all = (await overview(period)).all;
        const points = (s.series as Json[]).map((x) => x.points[i]).filter((p: Json) => p.status !== 'no_data');
        expect(points.reduce((a: number, p: Json) => a + Number(p.servicesOffered), 0)).toBe(all.servicesOffered);
        for (const c of [...CHANNELS, 'total']) expect(sumNullable(points.map((p: Json) => p.volumes[c]))).toBe(n(all.volumes[c]));
        expect(points.reduce((a: number, p: Json) => a + p.volumes.rows, 0)).toBe(all.volumes.rows);
        expect(points.reduce((a: number, p: Json) => a + p.volumes.rowsWithData, 0)).toBe(all.volumes.rowsWithData);
        for (const p of points)
          if (p.volumes.total) expect(p.digitalShare).toBeCloseTo(Number(p.volumes.click ?? 0) / Number(p.volumes.total), 12);
      }
    });
  }

  it('names organisations from the register, and an unregistered one by its id under the unknown domain', async () => {
    const s = await seriesJson({ from: '2025-Q3', to: '2026-Q2', groupBy: 'organisation' });
    expect((s.series as Json[]).map((x) => [x.group, x.label])).toEqual([
      ['OVO1', 'Departement Eén'],
      ['OVO2', 'Agentschap Twee'],
      ['OVO3', 'OVO3'],
    ]);
    const d = await seriesJson({ from: '2025-Q3', to: '2026-Q2', groupBy: 'policyDomain' });
    expect((d.series as Json[]).map((x) => x.group)).toEqual(['Omgeving', 'Onbekend beleidsdomein', 'Welzijn']);
  });

  it('filters rows: per e-loket with a target group, the e-loket figure of that target group', async () => {
    const all = await seriesJson({ from: '2025-Q3', to: '2026-Q2', groupBy: 'targetGroup' });
    const burgers = (all.series as Json[]).find((x) => x.group === 'burgers')!;
    const filtered = await seriesJson({ from: '2025-Q3', to: '2026-Q2', groupBy: 'eloket', targetGroup: 'burgers' });
    for (const [i] of QUARTERS.entries()) {
      const points = (filtered.series as Json[]).map((x) => x.points[i]).filter((p: Json) => p.status !== 'no_data');
      expect(points.reduce((a: number, p: Json) => a + Number(p.servicesOffered), 0)).toBe(Number(burgers.points[i].servicesOffered ?? 0));
      expect(sumNullable(points.map((p: Json) => p.volumes.click))).toBe(n(burgers.points[i].volumes?.click));
    }
    const omgeving = await seriesJson({ from: '2025-Q3', to: '2026-Q2', groupBy: 'organisation', policyDomain: 'Omgeving' });
    expect((omgeving.series as Json[]).map((x) => x.group)).toEqual(['OVO1']);
  });
});

describe('GET /v1/indicators/series per principle', () => {
  it("gives each period's bands per principle, from the as-of selection of the period's end", async () => {
    const s = await seriesJson({ from: '2025-Q3', to: '2026-Q2', groupBy: 'principle' });
    expect((s.series as Json[]).map((x) => x.group)).toEqual([...PRINCIPLE_GROUPS]);
    for (const [i, period] of QUARTERS.entries()) {
      const o = await overview(period);
      for (const one of s.series as Json[]) {
        expect(one.points[i]).toEqual({
          period,
          services: o.assessments.services,
          bands: o.assessments.bands[one.group],
          forecastBands: o.assessments.forecastBands[one.group],
        });
      }
    }
    // as of 2025-Q3 only OVO1's pre; by 2026-Q2 three services, two with a post
    expect(s.series[0].points.map((p: Json) => p.services)).toEqual([1, 2, 2, 3]);
    const ovo2 = await seriesJson({ from: '2025-Q3', to: '2026-Q2', groupBy: 'principle', organisationId: 'OVO2' });
    expect(ovo2.series[0].points.map((p: Json) => p.services)).toEqual([0, 1, 1, 1]);
  });
});

describe('GET /v1/indicators/series as CSV', () => {
  for (const groupBy of ['eloket', 'organisation', 'principle']) {
    it(`per ${groupBy}: says what the JSON says`, async () => {
      const query = { from: '2025-Q3', to: '2026-Q2', groupBy };
      const json = await seriesJson(query);
      const res = await series(query, committee, { accept: 'text/csv' });
      expect(res.statusCode).toBe(200);
      expect(res.headers?.['content-type']).toBe('text/csv; charset=utf-8');
      const records = parse(res.body!, { columns: true }) as Array<Record<string, string>>;
      const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
      if (groupBy === 'principle') {
        const expected = (json.series as Json[]).flatMap((s) =>
          (s.points as Json[]).flatMap((p) =>
            (['results', 'forecasts'] as const).flatMap((kind) =>
              (['G', 'I', 'all'] as const).map((v) => {
                const t = (kind === 'results' ? p.bands : p.forecastBands)[v];
                return {
                  group: s.group,
                  label: s.label,
                  period: p.period,
                  kind,
                  perspective: v,
                  services: cell(p.services),
                  good: cell(t.good),
                  partial: cell(t.partial),
                  none: cell(t.none),
                  'n/a': cell(t['n/a']),
                };
              }),
            ),
          ),
        );
        expect(records).toEqual(expected);
        return;
      }
      const expected = (json.series as Json[]).flatMap((s) =>
        [...(s.points as Json[]), { ...s.total, period: `${json.from}/${json.to}` }].map((p) => ({
          group: s.group,
          label: s.label,
          period: p.period,
          status: p.status,
          servicesOffered: cell(p.servicesOffered),
          providers: cell(p.providers),
          burgers: cell(p.byTargetGroup?.burgers),
          ondernemers: cell(p.byTargetGroup?.ondernemers),
          verenigingen: cell(p.byTargetGroup?.verenigingen),
          'lokale-besturen': cell(p.byTargetGroup?.['lokale-besturen']),
          ...Object.fromEntries([...CHANNELS, 'total', 'rows', 'rowsWithData'].map((c) => [c, cell(p.volumes?.[c])])),
          digitalShare: cell(p.digitalShare),
        })),
      );
      expect(records).toEqual(expected);
    });
  }
});

describe('GET /v1/indicators/series: who may read what', () => {
  it('lets a provider read only its own organisation, grouped by organisation', async () => {
    const own = await series({ from: '2025-Q3', to: '2026-Q2', groupBy: 'organisation' }, provider);
    expect(own.statusCode).toBe(200);
    expect((bodyOf(own).series as Json[]).map((x) => x.group)).toEqual(['OVO1']);
    expect(bodyOf(own).filters).toEqual({ organisationId: 'OVO1' });
    const committeeView = await seriesJson({ from: '2025-Q3', to: '2026-Q2', groupBy: 'organisation', organisationId: 'OVO1' });
    expect(bodyOf(own).series).toEqual(committeeView.series);
    expect((await series({ from: '2025-Q3', to: '2026-Q2', groupBy: 'eloket' }, provider)).statusCode).toBe(403);
    expect((await series({ from: '2025-Q3', to: '2026-Q2', groupBy: 'organisation', organisationId: 'OVO2' }, provider)).statusCode).toBe(
      403,
    );
    expect((await series({ from: '2025-Q3', to: '2026-Q2', groupBy: 'organisation' }, operator)).statusCode).toBe(403);
    expect((await series({ from: '2025-Q3', to: '2026-Q2', groupBy: 'organisation' }, 'dds_nope')).statusCode).toBe(401);
  });

  it('refuses a range it cannot answer with 422, naming each problem', async () => {
    const queries: Array<Record<string, string>> = [
      { from: '2025-Q3', to: '2026-05', groupBy: 'eloket' },
      { from: '2026-Q2', to: '2025-Q3', groupBy: 'eloket' },
      { from: '2020-01', to: '2026-12', groupBy: 'eloket' },
      { from: '2025-Q3', to: '2026-Q2', groupBy: 'colour' },
      { from: '2025-Q3', to: '2026-Q2', groupBy: 'eloket', limit: '0' },
      { from: '2025-Q3', to: '2026-Q2', groupBy: 'eloket', surprise: 'yes' },
    ];
    for (const query of queries) {
      const res = await series(query);
      expect(res.statusCode, JSON.stringify(query)).toBe(422);
      expect(bodyOf(res).error.details.length).toBeGreaterThan(0);
    }
  });
});

describe('GET /v1/indicators/series in pages', () => {
  it('gives limit series a page; following nextCursor gives every series once', async () => {
    const query = { from: '2025-Q3', to: '2026-Q2', groupBy: 'organisation' };
    const whole = await seriesJson(query);
    const seen: Json[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await series({ ...query, limit: '1', ...(cursor ? { cursor } : {}) });
      expect(res.statusCode).toBe(200);
      const body = bodyOf(res);
      seen.push(...(body.series as Json[]));
      cursor = body.nextCursor as string | null;
      if (cursor) expect(res.headers?.link).toContain(`cursor=${cursor}`);
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(whole.series);
  });

  it('refuses a cursor of another query', async () => {
    const first = await seriesJson({ from: '2025-Q3', to: '2026-Q2', groupBy: 'organisation', limit: '1' });
    const res = await series({ from: '2025-Q3', to: '2026-Q2', groupBy: 'targetGroup', cursor: first.nextCursor as string });
    expect(res.statusCode).toBe(422);
    expect(bodyOf(res).error.code).toBe('invalid_cursor');
    expect((await series({ from: '2025-Q3', to: '2026-Q2', groupBy: 'organisation', cursor: 'bm9wZQ' })).statusCode).toBe(422);
  });
});
