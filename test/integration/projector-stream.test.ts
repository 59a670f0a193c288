// The path from a stored submission to its projection: the table's stream,
// read from DynamoDB Local by the poller, into the real projector.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { StreamPoller } from '../../infra/local/stream-poller.js';
import { functions } from '../../infra/topology.js';
import { rebuildProjections } from '../../shared/use-cases/project.js';
import { answers, assessment, httpEvent, jsonHeaders } from '../support/fixtures.js';
import { wire } from '../support/handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let app: ReturnType<typeof wire>;
let key: string;

type StreamHandler = (e: { Records: DynamoDBRecord[] }, c: Context) => Promise<unknown>;

function poller(handler: StreamHandler = app.projector as unknown as StreamHandler) {
  return new StreamPoller({
    ddb: env.ddb,
    streams: env.streams,
    region: env.settings.AWS_REGION,
    dataDir: env.settings.dataDir,
    consumers: [
      {
        name: 'projector',
        trigger: { ...functions.projector.stream, maxRetries: 2 },
        tableName: env.name('submissions'),
        handler,
        context: () => app.context('projector'),
      },
    ],
  });
}

async function submit(serviceId: string, over: Parameters<typeof assessment>[0] = {}) {
  const res = await app.ingest(
    httpEvent({ routeKey: 'POST /v1/assessments', headers: jsonHeaders(key), body: JSON.stringify(assessment({ serviceId, ...over })) }),
    app.context(),
  );
  expect(res.statusCode).toBe(201);
}

const checkpointFile = () => join(env.settings.dataDir, 'stream-checkpoints.json');

beforeAll(async () => {
  env = await standIns('stream');
  app = wire(env);
  key = (await app.keys.create({ role: 'service-provider', organisationId: 'OVO000123' })).key;
});

const rowsOf = (serviceId: string) =>
  app.projections.serviceRows('OVO000123', serviceId).then((rows) => rows.sort((x, y) => x.assessedOn.localeCompare(y.assessedOn)));

async function allRows() {
  const out = [];
  for await (const r of app.projections.assessmentRows()) out.push(r);
  return out.sort((x, y) => x.assessmentId.localeCompare(y.assessmentId));
}

async function overview(period: string) {
  const res = await app.getIndicators(
    httpEvent({
      routeKey: 'GET /v1/indicators',
      headers: { authorization: `Bearer ${(await app.keys.create({ role: 'steering-committee' })).key}` },
      query: { period },
    }),
    app.context(),
  );
  return JSON.parse(res.body!).assessments;
}

describe('projector fed by the stream', () => {
  it('projects each assessment as a row of its own, from its event', async () => {
    await submit('a', { phase: 'pre', assessedOn: '2026-01-01', answers: answers({ 'SD-G1': 'no' }) });
    await submit('a', { phase: 'post', assessedOn: '2026-07-01' });
    await poller().drain();
    const rows = await rowsOf('a');
    expect(rows.map((x) => [x.phase, x.assessedOn])).toEqual([
      ['pre', '2026-01-01'],
      ['post', '2026-07-01'],
    ]);
    expect(rows[0]?.scores.SD.G).toBe(5 / 6);
    expect(rows.map((x) => x.unmet)).toEqual([['SD-G1'], []]);
    // The texts stay in the stored submission: the row's ids give its key, and the row counts what is explained.
    expect(rows[0]).toMatchObject({ explained: 1 });
    expect(rows[0]).not.toHaveProperty('source');
    // What the committee's report reads: the explanation, from the stored submission the row's ids name.
    const texts = await app.submissions.explainedAnswers([rows[0]!]);
    expect([...texts.values()].flat().map((x) => x.criterionId)).toEqual(['SD-G1']);
  });

  it('loses nothing when the path between write and projection dies, and counts nothing twice on replay', async () => {
    // Writes land while no consumer runs (the process died right after the write).
    for (const s of ['k1', 'k2', 'k3']) await submit(s);
    expect(await rowsOf('k3')).toEqual([]);
    // A new process resumes from the persisted checkpoint.
    await poller().drain();
    const afterResume = await allRows();
    expect([...new Set(afterResume.map((p) => p.serviceId))].sort()).toEqual(['a', 'k1', 'k2', 'k3']);
    // Replaying the whole stream from the start changes no row and no figure.
    rmSync(checkpointFile());
    await poller().drain();
    expect(await allRows()).toEqual(afterResume);
    const figures = await overview('2026-Q4');
    expect(figures).toMatchObject({ services: 4, withPre: 4, withPost: 1, significant: 4, owing: 0, goLiveUnknown: 3 });
    // The result of a (its post) and the forecasts of k1–k3 (their pre), apart.
    expect(figures.bands.all.all).toEqual({ good: 1, partial: 0, none: 0, 'n/a': 0 });
    expect(figures.forecastBands.all.all).toEqual({ good: 3, partial: 0, none: 0, 'n/a': 0 });
  });

  it('retries a failing batch until it succeeds, then moves on', async () => {
    await submit('flaky');
    let calls = 0;
    const flaky: StreamHandler = async (e, c) => {
      calls += 1;
      if (calls <= 2) throw new Error('throttled');
      return app.projector(e as never, c);
    };
    await poller(flaky).drain();
    expect(calls).toBe(3);
    expect(await rowsOf('flaky')).toHaveLength(1);
  });

  it('bisects a batch around a poison record, projects the rest, and sends the poison to the on-failure file', async () => {
    for (const s of ['p1', 'poison', 'p2']) await submit(s);
    const poisoned: StreamHandler = async (e, c) => {
      const names = e.Records.map((r) => String(r.dynamodb?.Keys?.pk?.S));
      if (names.some((n) => n.endsWith('#poison'))) throw new Error('cannot project');
      return (await app.projector(e as never, c)) as DynamoDBBatchResponse;
    };
    await poller(poisoned).drain();
    expect((await rowsOf('p1')).map((r) => r.serviceId)).toEqual(['p1']);
    expect((await rowsOf('p2')).map((r) => r.serviceId)).toEqual(['p2']);
    expect(await rowsOf('poison')).toEqual([]);
    const dlq = join(env.settings.dataDir, 'dead-letters', 'projector.jsonl');
    expect(existsSync(dlq)).toBe(true);
    const lines = readFileSync(dlq, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { key: { pk: string }; error: { name: string; message: string }; attempts: number });
    // One line per record: what failed, why, and after how many attempts (1 + maxRetries).
    expect(lines.map((l) => [l.key.pk, l.error, l.attempts])).toEqual([
      ['SVC#OVO000123#poison', { name: 'Error', message: 'cannot project' }, 3],
    ]);
  });

  it('lets a resubmission correct, and a duplicate inflate nothing', async () => {
    await submit('dup', { assessedOn: '2025-03-01', answers: answers({ 'SD-G1': 'no' }) });
    await submit('dup', { assessedOn: '2025-03-01' });
    await submit('dup', { assessedOn: '2025-03-01' });
    await poller().drain();
    expect(await rowsOf('dup')).toHaveLength(3);
    const figures = await overview('2025-Q1');
    // One service, counted with its latest submission of the day: every criterion met.
    expect(figures).toMatchObject({ services: 1, withPre: 1 });
    expect(figures.forecastBands.SD.G).toEqual({ good: 1, partial: 0, none: 0, 'n/a': 0 });
    expect(figures.forecastBands.all.all.good).toBe(1);
  });

  it('rebuilds every projection from the stored submissions to the same rows', async () => {
    const before = await allRows();
    const result = await rebuildProjections({ submissions: app.submissions, projections: app.projections });
    expect(result).toEqual({ services: 9, assessments: 12, countsPeriods: 0, countsReports: 0, indexed: 0 });
    const after = await allRows();
    // The poison record's service was never projected by the stream; the rebuild projects it.
    expect(after.filter((p) => p.serviceId !== 'poison')).toEqual(before);
    expect(after.map((p) => p.serviceId)).toContain('poison');
  });
});
