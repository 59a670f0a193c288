// Publishing to s3rver writes the open data with the reports: a CSVW file
// beside every public CSV (under the period and under latest/), and last the
// DCAT-AP catalogue, which lists every file published for every period with
// its media type — in the publish order files, pages, latest/, index,
// catalogue.
import { beforeAll, describe, expect, it } from 'vitest';
import { s3ObjectStore, type ObjectStore } from '../../shared/adapters/object-store.js';
import { CATALOGUE_KEY, csvwName, publicCsvFiles } from '../../shared/domain/report/open-data.js';
import { publishReports } from '../../shared/use-cases/publish-reports.js';
import { storeAndProject, wire } from '../support/handlers.js';
import { reportAssessments } from '../support/report-input.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let app: ReturnType<typeof wire>;
const puts: Array<{ key: string; contentType: string }> = [];

beforeAll(async () => {
  env = await standIns('opendata');
  const real = s3ObjectStore(env.s3);
  const recording: ObjectStore = {
    ...real,
    put: async (bucket, key, object) => {
      puts.push({ key, contentType: object.contentType });
      return real.put(bucket, key, object);
    },
    copy: async (bucket, from, to, contentType) => {
      puts.push({ key: to, contentType });
      return real.copy(bucket, from, to, contentType);
    },
    // A staged page is written when it is committed, as a reader sees it.
    stage: async (bucket, key, object) => {
      const staged = await real.stage(bucket, key, object);
      return {
        ...staged,
        commit: async () => {
          puts.push({ key, contentType: object.contentType });
          await staged.commit();
        },
      };
    },
  };
  app = wire(env, { today: '2026-11-26', objects: recording });
  await storeAndProject(app, reportAssessments());
  await publishReports(app.publishDeps, '2026-Q2', 'r1');
  puts.length = 0;
  await publishReports(app.publishDeps, '2026-Q3', 'r2');
});

const bucket = () => env.name('publicReports');

describe('publishing the open data', () => {
  it('writes a CSVW file beside every public CSV, under the period and under latest/', async () => {
    for (const prefix of ['reports/2026-Q3/', 'reports/latest/']) {
      const keys = await app.objects.list(bucket(), prefix);
      // A quarter's public CSV files (the yearly ones are only in a year's report), each described.
      const quarterly = publicCsvFiles().filter((f) => keys.includes(`${prefix}${f.name}`));
      expect(quarterly.map((f) => f.name).sort()).toEqual([
        'e-loketten.csv',
        'goede-waarden.csv',
        'in-vernieuwing.csv',
        'indicators.csv',
        'kanalen.csv',
        'tevredenheid-kwartalen.csv',
        'tevredenheid.csv',
        'vernieuwde-diensten.csv',
      ]);
      expect(keys.filter((k) => k.endsWith('.csv'))).toHaveLength(quarterly.length);
      for (const { name } of quarterly) {
        const meta = await app.objects.get(bucket(), `${prefix}${csvwName(name)}`);
        expect(meta?.contentType).toBe('application/csvm+json; charset=utf-8');
        expect(JSON.parse(meta!.body).url).toBe(name);
      }
    }
    // The committee's report has no open-data files.
    expect((await app.objects.list(env.name('committeeReports'), 'committee/2026-Q3/')).some((k) => k.endsWith('-metadata.json'))).toBe(
      false,
    );
  });

  it('writes the files, then the pages, then latest/, then the index, and last the catalogue', () => {
    const at = (key: string) => puts.findIndex((p) => p.key === key);
    const last = (pred: (k: string) => boolean) => Math.max(...puts.flatMap((p, i) => (pred(p.key) ? [i] : [])));
    const first = (pred: (k: string) => boolean) => puts.findIndex((p) => pred(p.key));
    expect(last((k) => k.startsWith('reports/2026-Q3/') && !k.endsWith('index.html'))).toBeLessThan(at('reports/2026-Q3/index.html'));
    expect(at('reports/2026-Q3/index.html')).toBeLessThan(first((k) => k.startsWith('reports/latest/')));
    expect(last((k) => k.startsWith('reports/latest/'))).toBeLessThan(at('reports/index.html'));
    expect(at(CATALOGUE_KEY)).toBe(puts.length - 1);
    expect(puts[puts.length - 1]!.contentType).toBe('application/ld+json; charset=utf-8');
  });

  it('writes both reports’ files from one queue: neither the public files nor the pages wait for the committee’s report.json; the pages are seen only after every file', async () => {
    const real = s3ObjectStore(env.s3);
    const events: Array<{ key: string; at: 'start' | 'end' }> = [];
    let publicStarted: () => void = () => undefined;
    const publicStarts = new Promise<void>((resolve) => (publicStarted = resolve));
    let pageStaged: () => void = () => undefined;
    const pagesStaging = new Promise<void>((resolve) => (pageStaged = resolve));
    let gateTimedOut = false;
    const gated: ObjectStore = {
      ...real,
      put: async (bucket, key, object) => {
        events.push({ key, at: 'start' });
        if (key.startsWith('reports/2026-Q3/')) publicStarted();
        // The committee's report.json stays in flight until a public file has started and a page is being
        // made (or 5 s have passed): neither may wait for it.
        if (key === 'committee/2026-Q3/report.json')
          await Promise.race([
            Promise.all([publicStarts, pagesStaging]),
            new Promise<void>((r) => setTimeout(() => ((gateTimedOut = true), r()), 5_000)),
          ]);
        await real.put(bucket, key, object);
        events.push({ key, at: 'end' });
      },
      stage: async (bucket, key, object) => {
        pageStaged();
        const staged = await real.stage(bucket, key, object);
        return {
          ...staged,
          commit: async () => {
            events.push({ key, at: 'start' });
            await staged.commit();
            events.push({ key, at: 'end' });
          },
        };
      },
    };
    await publishReports(wire(env, { today: '2026-11-26', objects: gated }).publishDeps, '2026-Q3', 'r3');
    expect(gateTimedOut).toBe(false);
    const isPage = (k: string) => /^(reports|committee)\/2026-Q3\/index\.html$/.test(k);
    const isFile = (k: string) => /^(reports|committee)\/2026-Q3\//.test(k) && !isPage(k);
    const lastFileEnd = Math.max(...events.flatMap((e, i) => (e.at === 'end' && isFile(e.key) ? [i] : [])));
    const firstPageStart = events.findIndex((e) => e.at === 'start' && isPage(e.key));
    expect(events.filter((e) => e.at === 'start' && isPage(e.key))).toHaveLength(2);
    expect(lastFileEnd).toBeLessThan(firstPageStart);
  });

  it('lists in the catalogue every file published for every period, with its media type', async () => {
    const catalogue = JSON.parse((await app.objects.get(bucket(), CATALOGUE_KEY))!.body) as {
      'dcat:dataset': Array<{
        'dct:identifier': string;
        'dcat:distribution': Array<{ 'dcat:downloadURL': { '@id': string }; 'dcat:mediaType': { '@id': string } }>;
      }>;
    };
    expect(catalogue['dcat:dataset'].map((d) => d['dct:identifier'])).toEqual(['dds-monitor-2026-Q2', 'dds-monitor-2026-Q3']);
    for (const [i, period] of ['2026-Q2', '2026-Q3'].entries()) {
      const published = (await app.objects.list(bucket(), `reports/${period}/`)).map((k) => k.slice('reports/'.length)).sort();
      const listed = catalogue['dcat:dataset'][i]!['dcat:distribution'];
      expect(listed.map((d) => d['dcat:downloadURL']['@id']).sort()).toEqual(published);
      for (const d of listed) {
        const stored = await app.objects.get(bucket(), `reports/${d['dcat:downloadURL']['@id']}`);
        expect(stored!.contentType.split(';')[0]).toBe(d['dcat:mediaType']['@id'].split('media-types/')[1]);
      }
    }
  });
});
