// Publishing a period's reports to s3rver: pinned figures, escaping, CSV
// safety, byte-identical regeneration and an interrupted publish.
import { describe, expect, it, beforeAll } from 'vitest';
import { publishReports } from '../../shared/use-cases/publish-reports.js';
import type { StoredAssessment } from '../../shared/domain/service-view.js';
import { storedSubmission } from '../../shared/domain/accept-assessment.js';
import { s3ObjectStore, type ObjectStore } from '../../shared/adapters/object-store.js';
import { answers, assessment, CATALOG, httpEvent, jsonHeaders } from '../support/fixtures.js';
import { storeAndProject, wire } from '../support/handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let app: ReturnType<typeof wire>;

const stored = (id: string, submittedAt: string, over: Parameters<typeof assessment>[0]): StoredAssessment => ({
  assessmentId: id,
  submittedAt,
  submission: storedSubmission(assessment(over)),
});

/** A fixed data set: four services of two organisations, assessed across 2026. */
async function seed() {
  const services: StoredAssessment[][] = [
    // good everywhere, pre and post
    [
      stored('a1', '2026-02-01T10:00:00.000Z', {
        organisationId: 'OVO1',
        serviceId: 's1',
        phase: 'pre',
        assessedOn: '2026-01-15',
        answers: answers({ 'SD-G1': 'no' }),
      }),
      stored('a2', '2026-08-01T10:00:00.000Z', { organisationId: 'OVO1', serviceId: 's1', phase: 'post', assessedOn: '2026-07-20' }),
    ],
    // partial on DH-I (0 of 6), small service; explanation with markup and a formula
    [
      stored('b1', '2026-03-01T09:00:00.000Z', {
        organisationId: 'OVO1',
        serviceId: 's2',
        phase: 'pre',
        assessedOn: '2026-02-20',
        service: { name: 'Kleine <dienst>', targetGroups: ['burgers'], budgetEur: 10000, expectedUsers: 500, eloketten: [] },
        answers: answers({ 'DH-I1': 'no', 'DH-I2': 'no', 'DH-I3': 'no', 'DH-I4': 'no', 'DH-I5': 'no', 'DH-I6': 'no' }).map((a) =>
          a.criterionId === 'DH-I1'
            ? { ...a, explanation: '<script>alert("x")</script> & co' }
            : a.criterionId === 'DH-I2'
              ? { ...a, explanation: '=HYPERLINK("http://evil")' }
              : a,
        ),
      }),
    ],
    // all not applicable on GC
    [
      stored('c1', '2026-05-05T08:00:00.000Z', {
        organisationId: 'OVO2',
        serviceId: 's3',
        phase: 'pre',
        assessedOn: '2026-05-01',
        answers: answers(
          Object.fromEntries(['GC-G1', 'GC-G2', 'GC-G3', 'GC-G4', 'GC-I1', 'GC-I2', 'GC-I3', 'GC-I4'].map((id) => [id, 'not_applicable'])),
        ),
      }),
    ],
    // assessed after Q3: not in the Q3 report
    [stored('d1', '2026-10-02T08:00:00.000Z', { organisationId: 'OVO2', serviceId: 's4', phase: 'pre', assessedOn: '2026-10-01' })],
  ];
  await storeAndProject(app, services.flat());
}

const read = async (bucket: 'publicReports' | 'committeeReports', key: string) => (await app.objects.get(env.name(bucket), key))?.body;

beforeAll(async () => {
  env = await standIns('report');
  app = wire(env, { now: () => new Date('2027-01-05T05:00:00.000Z') });
  await seed();
});

describe('publishing the reports of a period', () => {
  it('pins the public figures of 2026-Q3', async () => {
    await publishReports(app.publishDeps, '2026-Q3', 'r1');
    const report = JSON.parse((await read('publicReports', 'reports/2026-Q3/report.json'))!);
    expect(report.period).toEqual({
      id: '2026-Q3',
      kind: 'quarter',
      start: '2026-07-01',
      end: '2026-09-30',
      label: 'het 3e kwartaal van 2026',
    });
    expect(report.asOf).toBe('2026-08-01T10:00:00.000Z');
    expect(report.codeVersion).toBe('test');
    expect(report.assessments).toMatchObject({ services: 3, significant: 2, withPre: 3, withPost: 1, owing: 0, goLiveUnknown: 1 });
    // Results: the post of s1. Forecasts: the pre of s2 (none on DH-I) and of s3 (nothing applicable on GC).
    expect(report.assessments.bands.DH).toEqual({
      G: { good: 1, partial: 0, none: 0, 'n/a': 0 },
      I: { good: 1, partial: 0, none: 0, 'n/a': 0 },
      all: { good: 1, partial: 0, none: 0, 'n/a': 0 },
    });
    expect(report.assessments.forecastBands.DH).toEqual({
      G: { good: 2, partial: 0, none: 0, 'n/a': 0 },
      I: { good: 1, partial: 0, none: 1, 'n/a': 0 },
      all: { good: 1, partial: 1, none: 0, 'n/a': 0 },
    });
    expect(report.assessments.forecastBands.GC).toEqual({
      G: { good: 1, partial: 0, none: 0, 'n/a': 1 },
      I: { good: 1, partial: 0, none: 0, 'n/a': 1 },
      all: { good: 1, partial: 0, none: 0, 'n/a': 1 },
    });
    expect(report.assessments.bands.all.all).toEqual({ good: 1, partial: 0, none: 0, 'n/a': 0 });
    expect(report.assessments.forecastBands.all.all).toEqual({ good: 2, partial: 0, none: 0, 'n/a': 0 });
    // s2 is partial on the inclusion criteria; s3 has nothing applicable on GC but is good on both perspectives overall.
    expect(report.assessments.headline).toEqual({
      results: { good: 1, notGood: 0, notApplicable: 0, total: 1 },
      forecasts: { good: 1, notGood: 1, notApplicable: 0, total: 2 },
    });
    const csv = (await read('publicReports', 'reports/2026-Q3/indicators.csv'))!;
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      'periode,soort,principe,perspectief,goed,gedeeltelijk,niet,niet_van_toepassing',
      '2026-Q3,resultaat,SD,G,1,0,0,0',
      '2026-Q3,resultaat,SD,I,1,0,0,0',
    ]);
    expect(csv).toContain('2026-Q3,verwachting,DH,I,1,0,1,0\r\n');
  });

  it('keeps free text out of the public files and escapes it in the committee page', async () => {
    const publicHtml = (await read('publicReports', 'reports/2026-Q3/index.html'))!;
    const publicJson = (await read('publicReports', 'reports/2026-Q3/report.json'))!;
    for (const text of [publicHtml, publicJson]) {
      expect(text).not.toContain('alert');
      expect(text).not.toContain('HYPERLINK');
    }
    expect(publicHtml).not.toContain('Kleine <dienst>');
    // The services in rework are named publicly, with their forecast: the name escaped, never an explanation.
    expect(publicHtml).toContain('Kleine &lt;dienst&gt;');
    expect(publicHtml).toContain('<html lang="nl">');
    expect(publicHtml).toContain('het 3e kwartaal van 2026');
    const committeeHtml = (await read('committeeReports', 'committee/2026-Q3/index.html'))!;
    expect(committeeHtml).not.toContain('<script>');
    expect(committeeHtml).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(committeeHtml).toContain('Kleine &lt;dienst&gt;');
  });

  it('writes explanations.csv per RFC 4180 with formulas defused', async () => {
    const csv = (await read('committeeReports', 'committee/2026-Q3/explanations.csv'))!;
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'periode,organisatie,organisatie_naam,dienst,dienst_naam,fase,criterium,criterium_tekst,antwoord,toelichting,voldaan_tegen',
    );
    const of = (criterion: string) => lines.find((l) => l.startsWith(`2026-Q3,OVO1,OVO1,s2,Kleine <dienst>,pre,${criterion},`));
    expect(of('DH-I1')).toMatch(/,no,"<script>alert\(""x""\)<\/script> & co",$/);
    expect(of('DH-I2')).toMatch(/,no,"'=HYPERLINK\(""http:\/\/evil""\)",$/);
    expect(lines.filter((l) => l.startsWith('2026-Q3,OVO1,OVO1,s2,Kleine <dienst>,pre,DH-I'))).toHaveLength(6);
    // Each reads on its own in a spreadsheet: the criterion's Dutch text is there too.
    expect(of('DH-I1')).toContain(CATALOG.criteria.find((c) => c.id === 'DH-I1')!.text.slice(0, 30));
  });

  it('gives the same bytes when generated again from the same data', async () => {
    const keys = ['reports/2026-Q3/index.html', 'reports/2026-Q3/report.json', 'reports/2026-Q3/indicators.csv'];
    const first = await Promise.all(keys.map((k) => read('publicReports', k)));
    const committeeFirst = await read('committeeReports', 'committee/2026-Q3/report.json');
    await publishReports({ ...app.publishDeps, now: () => new Date('2027-01-01T00:00:00.000Z') }, '2026-Q3', 'r2');
    expect(await Promise.all(keys.map((k) => read('publicReports', k)))).toEqual(first);
    expect(await read('committeeReports', 'committee/2026-Q3/report.json')).toBe(committeeFirst);
  });

  it('switches latest/ and the index only after the period is complete; a failed publish leaves them as they were', async () => {
    expect(await read('publicReports', 'reports/latest/report.json')).toBe(await read('publicReports', 'reports/2026-Q3/report.json'));
    const latestBefore = await read('publicReports', 'reports/latest/index.html');
    const indexBefore = await read('publicReports', 'reports/index.html');
    // An object store that fails on the third write, as an S3 outage halfway would.
    const real = s3ObjectStore(env.s3);
    let writes = 0;
    const failing: ObjectStore = {
      ...real,
      put: async (b, k, o) => {
        writes += 1;
        if (writes === 3) throw new Error('S3 unavailable');
        return real.put(b, k, o);
      },
    };
    await expect(publishReports({ ...app.publishDeps, objects: failing }, '2026-Q4', 'r3')).rejects.toThrow('S3 unavailable');
    // The pages, staged first, were never committed.
    expect(await read('publicReports', 'reports/2026-Q4/index.html')).toBeUndefined();
    expect(await read('committeeReports', 'committee/2026-Q4/index.html')).toBeUndefined();
    expect(await read('publicReports', 'reports/latest/index.html')).toBe(latestBefore);
    expect(await read('publicReports', 'reports/index.html')).toBe(indexBefore);
    expect((await app.projections.listReports()).map((r) => r.payload.period)).toEqual(['2026-Q3']);
    // The retry succeeds and switches latest/ to the newer period.
    await publishReports(app.publishDeps, '2026-Q4', 'r4');
    const latest = JSON.parse((await read('publicReports', 'reports/latest/report.json'))!);
    expect(latest.period.id).toBe('2026-Q4');
    expect(latest.assessments.services).toBe(4);
    expect(await read('publicReports', 'reports/index.html')).toContain('href="2026-Q4/"');
  });

  it('does not move latest/ back when an older period is published again', async () => {
    await publishReports(app.publishDeps, '2026-Q2', 'r5');
    expect(JSON.parse((await read('publicReports', 'reports/latest/report.json'))!).period.id).toBe('2026-Q4');
    const index = (await read('publicReports', 'reports/index.html'))!;
    expect(index.indexOf('2026-Q4/')).toBeLessThan(index.indexOf('2026-Q3/'));
    expect(index.indexOf('2026-Q3/')).toBeLessThan(index.indexOf('2026-Q2/'));
  });

  it('accepts a report request with 202, refuses a bad period with 422, and publishes the past month and quarter on schedule', async () => {
    const committeeKey = (await app.keys.create({ role: 'steering-committee' })).key;
    const res = await app.requestReport(
      httpEvent({ routeKey: 'POST /v1/reports', headers: jsonHeaders(committeeKey), body: '{"period":"2026-09"}' }),
      app.context(),
    );
    expect(res.statusCode).toBe(202);
    const bad = await app.requestReport(
      httpEvent({ routeKey: 'POST /v1/reports', headers: jsonHeaders(committeeKey), body: '{"period":"2026-Q5"}' }),
      app.context(),
    );
    expect(bad.statusCode).toBe(422);
    expect(JSON.parse(bad.body!).error.details).toEqual([{ path: 'period', message: 'a period is YYYY, YYYY-Qn or YYYY-MM' }]);
    const out = await app.publishReport({ source: 'schedule', scheduledTime: '2026-10-01T05:00:00.000Z' }, app.context());
    expect(out).toEqual({ published: ['2026-09', '2026-Q3'] });
    expect(JSON.parse((await read('publicReports', 'reports/2026-09/report.json'))!).assessments.services).toBe(3);
  });

  it('writes at most four files at once, the pages among them and first, each holding a part buffer', async () => {
    const real = s3ObjectStore(env.s3);
    let inFlight = 0;
    let most = 0;
    const started: string[] = [];
    const counted =
      <A extends unknown[], R>(write: (bucket: string, key: string, ...rest: A) => Promise<R>) =>
      async (bucket: string, key: string, ...rest: A): Promise<R> => {
        started.push(key);
        most = Math.max(most, ++inFlight);
        try {
          return await write(bucket, key, ...rest);
        } finally {
          inFlight -= 1;
        }
      };
    const store: ObjectStore = { ...real, put: counted(real.put), stage: counted(real.stage) };
    await publishReports({ ...app.publishDeps, objects: store }, '2026-Q1', 'r7');
    expect(most).toBe(4);
    expect(started.slice(0, 3)).toEqual(['committee/2026-Q1/index.html', 'reports/2026-Q1/index.html', 'committee/2026-Q1/report.json']);
    expect(await read('committeeReports', 'committee/2026-Q1/index.html')).toContain('1e kwartaal van 2026');
  });

  it('stops, commits no page and discards the other when a page cannot be staged', async () => {
    const real = s3ObjectStore(env.s3);
    const startedAfter: string[] = [];
    let failed = false;
    const discarded: string[] = [];
    const store: ObjectStore = {
      ...real,
      put: async (b, k, o) => {
        if (failed) startedAfter.push(k);
        return real.put(b, k, o);
      },
      stage: async (b, k, o) => {
        if (k === 'reports/2025-Q4/index.html') {
          await new Promise((resolve) => setTimeout(resolve, 20));
          failed = true;
          throw new Error('S3 unavailable');
        }
        const staged = await real.stage(b, k, o);
        return {
          ...staged,
          discard: async () => {
            discarded.push(k);
            await staged.discard();
          },
        };
      },
    };
    await expect(publishReports({ ...app.publishDeps, objects: store }, '2025-Q4', 'r8')).rejects.toThrow('S3 unavailable');
    // The files in flight beside the pages went on; nothing was started after the failure.
    expect(startedAfter).toEqual([]);
    expect(discarded).toEqual(['committee/2025-Q4/index.html']);
    expect(await read('committeeReports', 'committee/2025-Q4/index.html')).toBeUndefined();
    expect(await read('publicReports', 'reports/2025-Q4/index.html')).toBeUndefined();
    expect((await app.projections.listReports()).map((r) => r.payload.period)).not.toContain('2025-Q4');
  });
});
