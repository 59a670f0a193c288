// The operational indicators end to end against DynamoDB Local and s3rver:
// GET /v1/indicator-catalog, the committee's import (npm run dds --
// indicators import) refused whole or published, assessments naming the
// version of their measures (422 for every unknown indicator or value off its
// scale), the service view's comparison with its peers as of today, and the
// published reports, each quarter of their trend from its own selection.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../infra/cli/dds.js';
import { makeIngestAssessment } from '../../functions/ingest-assessment/ingest-assessment.js';
import { cachedIndicatorCatalogs } from '../../shared/adapters/indicator-catalog-store.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { storedSubmission } from '../../shared/domain/accept-assessment.js';
import type { AssessmentSubmission } from '../../shared/domain/assessment.js';
import type { StoredAssessment } from '../../shared/domain/service-view.js';
import { publishReports } from '../../shared/use-cases/publish-reports.js';
import { assessment, httpEvent, jsonHeaders, TODAY } from '../support/fixtures.js';
import { storeAndProject, wire } from '../support/handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let app: ReturnType<typeof wire>;
let provider: string;
const work = mkdtempSync(join(tmpdir(), 'dds-indicators-'));

const body = (r: { body?: string }) => JSON.parse(r.body ?? 'null') as Record<string, any>;
const catalog = async () => body(await app.getIndicatorCatalog(httpEvent({ routeKey: 'GET /v1/indicator-catalog' }), app.context()));
const storedCount = async () => (await env.ddb.send(new ScanCommand({ TableName: env.name('submissions'), Select: 'COUNT' }))).Count ?? 0;

/** npm run dds -- …, in this process, on the test's stand-ins. */
async function dds(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(
    args,
    { out: (l) => out.push(l), err: (l) => err.push(l), progress: process.stderr },
    {
      AWS_ENDPOINT_URL_DYNAMODB: env.settings.AWS_ENDPOINT_URL_DYNAMODB,
      AWS_ENDPOINT_URL_S3: env.settings.AWS_ENDPOINT_URL_S3,
      DDS_RESOURCE_PREFIX: env.prefix,
      DDS_DATA_DIR: env.settings.dataDir,
      DDS_TODAY: TODAY,
      PORT: '0',
    },
    work,
  );
  return { status, out, err };
}

const post = (payload: unknown, ingest = app.ingest) =>
  ingest(httpEvent({ routeKey: 'POST /v1/assessments', headers: jsonHeaders(provider), body: JSON.stringify(payload) }), app.context());

beforeAll(async () => {
  env = await standIns('indicators');
  app = wire(env, { today: TODAY });
  provider = (await app.keys.create({ role: 'service-provider', organisationId: 'OVO000123' })).key;
});

describe('GET /v1/indicator-catalog', () => {
  it('serves the first version to anyone, without a key', async () => {
    const res = await app.getIndicatorCatalog(httpEvent({ routeKey: 'GET /v1/indicator-catalog' }), app.context());
    expect(res.statusCode).toBe(200);
    const doc = body(res);
    expect(doc.currentVersion).toBe('2026-10');
    expect(doc.versions.map((v: any) => [v.indicatorCatalogVersion, v.publishedOn, v.indicators.length])).toEqual([
      ['2026-10', '2026-10-01', 7],
    ]);
    expect(doc.versions[0].indicators[0]).toEqual({
      id: 'processSteps',
      label: 'Aantal processtappen',
      kind: 'count',
      min: 1,
      max: 1000,
      criteria: ['GC-G1', 'DH-G2', 'DH-G3', 'GC-I4'],
    });
  });
});

describe('npm run dds -- indicators import', () => {
  it('refuses a file that changes a published indicator or names an unknown criterion, every problem on its line, and stores nothing', async () => {
    writeFileSync(
      join(work, 'fout.csv'),
      '\ufeffid;label;kind;scale;better;good;goodLabel;criteria\r\n' +
        'processSteps;Aantal stappen;count;1-1000;;;;GC-G1 DH-G2 DH-G3 GC-I4\r\n' +
        'statusTracking;Stand van zaken online;yesno;;;;;GC-G4 ZZ-G1\r\n',
    );
    const r = await dds('indicators', 'import', 'fout.csv');
    expect(r.status).toBe(1);
    expect(r.out).toEqual([
      'fout.csv: line 2, id: indicator processSteps is published in version 2026-10 and never changes (this row changes label): give a changed indicator a new id',
      'fout.csv: line 3, criteria: unknown criterion ZZ-G1: write criteria of the criteria catalog 2022-07, e.g. SD-G1',
    ]);
    expect(r.err).toEqual(['2 problem(s) in fout.csv; nothing was stored']);
    expect(await app.indicatorCatalogStore.list()).toEqual([]);
    expect((await catalog()).versions).toHaveLength(1);
  });

  it('publishes a new version that adds an indicator, served at once; the same file again stores nothing new', async () => {
    writeFileSync(
      join(work, 'indicatoren.csv'),
      'id,label,kind,scale,better,good,goodLabel,criteria\nstatusTracking,Stand van zaken online,yesno,,,,stand van zaken online te volgen,GC-G4 BT-G5\n',
    );
    const dry = await dds('indicators', 'import', 'indicatoren.csv', '--dry-run');
    expect(dry).toMatchObject({ status: 0, out: ['would publish indicator catalog version 2026-11 (8 indicators; new: statusTracking)'] });
    expect(await app.indicatorCatalogStore.list()).toEqual([]);
    const r = await dds('indicators', 'import', 'indicatoren.csv');
    expect(r).toMatchObject({ status: 0, out: ['published indicator catalog version 2026-11 (8 indicators; new: statusTracking)'] });
    const doc = await catalog();
    expect(doc.currentVersion).toBe('2026-11');
    expect(doc.versions.map((v: any) => [v.indicatorCatalogVersion, v.publishedOn, v.indicators.length])).toEqual([
      ['2026-10', '2026-10-01', 7],
      ['2026-11', TODAY, 8],
    ]);
    // The published version is unchanged by the new one.
    expect(doc.versions[1].indicators.slice(0, 7)).toEqual(doc.versions[0].indicators);
    const again = await dds('indicators', 'import', 'indicatoren.csv');
    expect(again).toMatchObject({
      status: 0,
      out: ['version 2026-11 holds every indicator of indicatoren.csv already: nothing new was stored'],
    });
    const published = await dds('indicators', 'import', 'indicatoren.csv', '--version', '2026-10');
    expect(published.status).toBe(1);
    expect(published.out).toEqual([
      'indicatoren.csv: the file adds no indicator to version 2026-11: nothing to publish',
      'indicatoren.csv: version 2026-10 is published (on 2026-10-01) and never changes: give the new version another --version',
    ]);
    expect(await app.indicatorCatalogStore.list()).toHaveLength(1);
  });
});

describe('POST /v1/assessments with measures', () => {
  it('names every unknown indicator and every value off its scale (422), and stores nothing', async () => {
    const before = await storedCount();
    const res = await post({
      ...assessment(),
      indicatorCatalogVersion: '2026-10',
      measures: { processSteps: 0, plainLanguageLevel: 'D1', statusTracking: true, kleur: 'rood' },
    });
    expect(res.statusCode).toBe(422);
    expect(body(res).error.details).toEqual([
      { path: 'measures.processSteps', message: 'processSteps is a whole number from 1 to 1000 (indicator catalog 2026-10)' },
      { path: 'measures.plainLanguageLevel', message: 'plainLanguageLevel is one of A1, A2, B1, B2, C1, C2 (indicator catalog 2026-10)' },
      {
        path: 'measures.statusTracking',
        message:
          'unknown indicator statusTracking in indicator catalog 2026-10; it is in version 2026-11: name that version in indicatorCatalogVersion',
      },
      { path: 'measures.kleur', message: 'unknown indicator kleur in indicator catalog 2026-10' },
    ]);
    expect(await storedCount()).toBe(before);
  });

  it('stores the measures with the version they belong to: the one named, or the current one', async () => {
    const named = await post({
      ...assessment({ serviceId: 'met-versie' }),
      indicatorCatalogVersion: '2026-10',
      measures: { processSteps: 4 },
    });
    expect(named.statusCode).toBe(201);
    const current = await post({ ...assessment({ serviceId: 'zonder-versie' }), measures: { processSteps: 4, statusTracking: true } });
    expect(current.statusCode).toBe(201);
    // The answer says which version was taken.
    expect(body(current).indicatorCatalogVersion).toBe('2026-11');
    expect(body(await post(assessment({ serviceId: 'zonder-metingen' })))).not.toHaveProperty('indicatorCatalogVersion');
    const [a] = await app.submissions.listServiceAssessments('OVO000123', 'met-versie');
    const [b] = await app.submissions.listServiceAssessments('OVO000123', 'zonder-versie');
    expect([a!.submission.indicatorCatalogVersion, a!.submission.measures]).toEqual(['2026-10', { processSteps: 4 }]);
    expect([b!.submission.indicatorCatalogVersion, b!.submission.measures]).toEqual(['2026-11', { processSteps: 4, statusTracking: true }]);
  });

  it('reads the catalog again before refusing a measure, so a container that read it before an import accepts the new indicator', async () => {
    // A container whose catalogs were read before the import: it knows only the first version.
    let reads = 0;
    const stale = cachedIndicatorCatalogs({
      list: async () => (reads++ === 0 ? [] : app.indicatorCatalogStore.list()),
    });
    await stale.all();
    const ingest = makeIngestAssessment({
      keys: app.keys,
      limiter: { check: async () => ({ ok: true as const }) },
      authFailures: { blocked: () => ({ ok: true as const }), failed: async () => ({ ok: true as const }) },
      submissions: app.submissions,
      logger: createLogger('test'),
      now: () => new Date(),
      today: () => TODAY,
      newId: () => crypto.randomUUID(),
      indicatorCatalogs: stale,
    });
    const res = await post({ ...assessment({ serviceId: 'na-import' }), measures: { statusTracking: false } }, ingest);
    expect(res.statusCode).toBe(201);
    expect(reads).toBe(2);
  });
});

describe('GET /v1/services/{organisationId}/{serviceId}: peers', () => {
  const stored = (o: string, s: string, on: string, over: Partial<AssessmentSubmission>): StoredAssessment => ({
    assessmentId: `${o}-${s}-${on}`,
    submittedAt: `${on}T09:00:00.000Z`,
    submission: storedSubmission(
      assessment({
        organisationId: o,
        serviceId: s,
        assessedOn: on,
        phase: 'post',
        ...over,
        service: { ...assessment().service, targetGroups: ['burgers'], ...over.service },
      }),
    ),
  });

  beforeAll(async () => {
    await app.organisations.put([
      { organisationId: 'OVO000123', name: 'Departement Omgeving', kind: 'department', policyDomain: 'Omgeving' },
      { organisationId: 'OVO000200', name: 'Agentschap Wonen', kind: 'agency', policyDomain: 'Wonen' },
    ]);
    await storeAndProject(app, [
      // Peers of OVO000123/vergunning (burgers): 4, 6 and 9 steps; one of them only in a pre (a forecast).
      stored('OVO000200', 'premie', '2026-06-01', { measures: { processSteps: 4, notifications: true } }),
      stored('OVO000200', 'lening', '2026-06-02', { measures: { processSteps: 6, notifications: true } }),
      stored('OVO000200', 'huur', '2026-06-03', { phase: 'pre', measures: { processSteps: 9, notifications: false } }),
      // A later pre does not replace the post's value for the peers.
      stored('OVO000200', 'premie', '2026-09-01', { phase: 'pre', measures: { processSteps: 40 } }),
      // Ondernemers only: not a peer.
      stored('OVO000200', 'vergunning-bedrijf', '2026-06-04', {
        measures: { processSteps: 1 },
        service: { name: 'Bedrijf', targetGroups: ['ondernemers'], eloketten: [] },
      }),
      // Dated after today: not in a view as of today.
      stored('OVO000200', 'toekomst', '2026-12-01', { measures: { processSteps: 2 } }),
    ]);
  });

  it('compares the service’s latest value with its peers as of today, the service itself never among them', async () => {
    // The service's own assessment is stored but not projected yet: its view reads it from the submissions.
    const own = stored('OVO000123', 'vergunning', '2026-10-15', { measures: { processSteps: 14, notifications: false } });
    await app.submissions.putAssessment({
      metadata: { eventId: crypto.randomUUID(), type: 'AssessmentSubmitted', version: 2, occurredAt: own.submittedAt },
      payload: { assessmentId: own.assessmentId, submittedAt: own.submittedAt, submission: own.submission },
    });
    const res = await app.getService(
      httpEvent({
        routeKey: 'GET /v1/services/{organisationId}/{serviceId}',
        headers: { authorization: `Bearer ${provider}` },
        pathParameters: { organisationId: 'OVO000123', serviceId: 'vergunning' },
      }),
      app.context(),
    );
    expect(res.statusCode).toBe(200);
    const view = body(res);
    // Its peers share burgers: premie, lening, huur (the assessments posted above are not projected, and
    // vergunning-bedrijf is for ondernemers); none shares its policy domain, so they are not narrowed.
    expect(view.peerGroup).toEqual({ targetGroups: ['burgers'], policyDomain: null, services: 3 });
    expect(view.indicatorCatalogVersion).toBe('2026-11');
    // premie's post (4; its later pre does not replace a post's value), lening 6, huur 9 (a forecast): median 6.
    expect(view.peers.processSteps).toEqual({ status: 'compared', value: 14, forecast: false, peers: 3, median: 6, comparison: 'worse' });
    expect(view.peers.notifications).toEqual({
      status: 'compared',
      value: false,
      forecast: false,
      peers: 3,
      shareYes: 2 / 3,
      comparison: 'worse',
    });
    expect(view.peers.wcagLevel).toEqual({ status: 'too_few_peers', value: null, peers: 0, note: 'te weinig vergelijkbare diensten' });
    expect(Object.keys(view.peers)).toEqual([
      'processSteps',
      'notifications',
      'plainLanguageLevel',
      'mobileUsable',
      'singleSignOn',
      'feedbackOption',
      'wcagLevel',
      'statusTracking',
    ]);
  });
});

describe('the published reports', () => {
  it('carry the operational indicators: the committee per indicator, the public the good values', async () => {
    await publishReports(app.publishDeps, '2026-Q3');
    const committee = JSON.parse((await app.objects.get(env.name('committeeReports'), 'committee/2026-Q3/report.json'))!.body);
    const ops = committee.operationalIndicators;
    // Q3: the catalog in force at its end (2026-11 was published after it).
    expect(ops.indicatorCatalogVersion).toBe('2026-10');
    const steps = ops.indicators.find((f: any) => f.indicator.id === 'processSteps');
    // As of 2026-09-30: premie's post (4, its later pre changes no value), lening 6, huur 9 (forecast), vergunning-bedrijf 1.
    expect(steps.all).toMatchObject({ services: 4, reporting: 4, forecasts: 1, median: 5, q1: 3.25, q3: 6.75 });
    // Q2 had none of them yet: each quarter from its own selection.
    expect(steps.trend.map((t: any) => [t.group, t.reporting])).toEqual([
      ['2024-Q4', 0],
      ['2025-Q1', 0],
      ['2025-Q2', 0],
      ['2025-Q3', 0],
      ['2025-Q4', 0],
      ['2026-Q1', 0],
      ['2026-Q2', 4],
      ['2026-Q3', 4],
    ]);
    const pub = JSON.parse((await app.objects.get(env.name('publicReports'), 'reports/2026-Q3/report.json'))!.body);
    expect(pub.goodValues.indicators[0]).toMatchObject({
      indicator: { id: 'notifications' },
      results: { meeting: 2, reporting: 2 },
      forecasts: { meeting: 0, reporting: 1 },
    });
    expect(pub.operationalIndicators).toBeUndefined();
    const csv = (await app.objects.get(env.name('committeeReports'), 'committee/2026-Q3/operationele-indicatoren.csv'))!.body;
    expect(csv.split('\r\n')[1]).toBe('2026-Q3,processSteps,alle,alle,2026-09-30,4,4,1,1,value,5,3.25,6.75,');
  });
});
