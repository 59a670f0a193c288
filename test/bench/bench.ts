// npm run bench [-- --quick]: the quality targets of design §7, measured on
// this machine, each as a ratio against a limit measured in the same run.
// Prints one JSON object. Nothing here fails on a timing.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, PutItemCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { build } from 'esbuild';
import { startLocalStack } from '../../infra/local/local-stack.js';
import { REPO_ROOT } from '../../infra/local/load-handler.js';
import { provision } from '../../infra/local/provision.js';
import { functionEnvironment, localResourceName, localSettings, type LocalSettings } from '../../infra/local/settings.js';
import { startDynamoDbLocal, startS3rver } from '../../infra/local/stand-ins.js';
import { functionSpecs } from '../../infra/topology.js';
import { upcastAssessment } from '../../events/assessment-submitted.js';
import { documentClient, dynamoClient } from '../../shared/adapters/clients.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { eventToAttributes, itemKeyOf } from '../../shared/adapters/submission-items.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { storedSubmission } from '../../shared/domain/accept-assessment.js';
import { toAssessmentRow } from '../../shared/domain/assessment-row.js';
import { summarize } from '../../shared/domain/service-counts.js';
import { MAIN_ELOKETTEN } from '../../shared/domain/vocabulary.js';
import { answers, assessment } from '../support/fixtures.js';
import { startCountingProxy } from './counting-proxy.js';
import { freePort } from '../support/global-setup.js';

const quick = process.argv.includes('--quick');
const SIZE = quick
  ? { ingest: 400, concurrency: 16, storedSmall: 100, storedLarge: 1000, measured: 100, reportServices: 400, countRows: 100, coldRuns: 5 }
  : {
      ingest: 5000,
      concurrency: 16,
      storedSmall: 1000,
      storedLarge: 50000,
      measured: 500,
      reportServices: 10000,
      countRows: 1000,
      coldRuns: 10,
    };
// --only=reports|ingest|cold and --report-services=N, for looking at one figure at a time.
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const only = arg('only');
const wants = (part: string) => only === undefined || only === part;
if (arg('report-services')) SIZE.reportServices = Number(arg('report-services'));
const DATA_OPS = new Set([
  'GetItem',
  'PutItem',
  'Query',
  'Scan',
  'TransactWriteItems',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'BatchGetItem',
]);

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const median = (xs: number[]) => percentile(xs, 50);
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let x = queue.shift(); x !== undefined; x = queue.shift()) await work(x);
    }),
  );
}

const submission = (i: number, tag: string) =>
  assessment({
    organisationId: `ORG${String(i % 100).padStart(3, '0')}`,
    serviceId: `${tag}-${i}`,
    answers: answers(i % 3 === 0 ? { 'SD-G1': 'no', 'DH-I2': 'not_applicable' } : {}),
  });

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'dds-bench-'));
  const direct = localSettings({
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${await freePort()}`,
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${await freePort()}`,
    DDS_DATA_DIR: dir,
    PORT: '0',
    DDS_CODE_VERSION: 'bench',
  });
  const dynamo = await startDynamoDbLocal(direct);
  const s3 = await startS3rver(direct);
  const proxy = await startCountingProxy(direct.AWS_ENDPOINT_URL_DYNAMODB);
  const settings: LocalSettings = { ...direct, AWS_ENDPOINT_URL_DYNAMODB: proxy.url };
  const stack = await startLocalStack({ settings, standIns: false });
  const result: Record<string, unknown> = { quick, machine: { cpus: (await import('node:os')).cpus().length, node: process.version } };
  try {
    const keys = new Map<string, string>();
    for (let o = 0; o < 100; o++) {
      const org = `ORG${String(o).padStart(3, '0')}`;
      keys.set(org, (await stack.keys.create({ role: 'service-provider', organisationId: org })).key);
    }
    const postAll = async (bodies: ReturnType<typeof submission>[], latencies?: number[]) =>
      pool(bodies, SIZE.concurrency, async (b) => {
        const t = performance.now();
        const res = await fetch(`${stack.apiUrl}/v1/assessments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${keys.get(b.organisationId)!}`, 'content-type': 'application/json' },
          body: JSON.stringify(b),
        });
        await res.arrayBuffer();
        if (res.status !== 201) throw new Error(`ingest answered ${res.status}`);
        latencies?.push(performance.now() - t);
      });
    const preload = async (from: number, to: number) => {
      // Stored as the ingest would store them, straight into the table; the projector projects them.
      const table = localResourceName('submissions', settings.DDS_RESOURCE_PREFIX);
      const ddb = dynamoClient(direct);
      await pool(
        Array.from({ length: to - from }, (_, k) => from + k),
        32,
        async (i) => {
          const at = new Date(Date.UTC(2026, 0, 1) + i).toISOString();
          await ddb.send(
            new PutItemCommand({
              TableName: table,
              Item: eventToAttributes({
                metadata: { eventId: randomUUID(), type: 'AssessmentSubmitted', version: 2, occurredAt: at },
                payload: { assessmentId: randomUUID(), submittedAt: at, submission: storedSubmission(submission(i, 'stored')) },
              }),
            }),
          );
        },
      );
      await stack.poller.drain(600_000);
    };
    const dataOps = () => [...proxy.counts.entries()].filter(([op]) => DATA_OPS.has(op)).reduce((a, [, n]) => a + n, 0);

    if (wants('ingest')) {
      // Flat write cost: requests per ingested assessment with few and with many stored.
      log(`flat write cost: ${SIZE.storedSmall} stored`);
      await preload(0, SIZE.storedSmall);
      // One request per key first, so both windows see warm key caches alike.
      await postAll([...keys.keys()].map((org, i) => ({ ...submission(i, 'warm'), organisationId: org })));
      await stack.poller.drain();
      proxy.reset();
      await postAll(Array.from({ length: SIZE.measured }, (_, i) => submission(i, 'flat-a')));
      await stack.poller.drain();
      const small = dataOps() / SIZE.measured;
      log(`flat write cost: ${SIZE.storedLarge} stored`);
      await preload(SIZE.storedSmall, SIZE.storedLarge);
      proxy.reset();
      await postAll(Array.from({ length: SIZE.measured }, (_, i) => submission(i, 'flat-b')));
      await stack.poller.drain();
      const large = dataOps() / SIZE.measured;
      result.flatWriteCost = {
        requestsPerAssessment: { [`stored${SIZE.storedSmall}`]: round(small), [`stored${SIZE.storedLarge}`]: round(large) },
        ratio: round(large / small),
        limit: '1 ± 0.10',
        within: Math.abs(large / small - 1) <= 0.1,
      };

      // Ingest end to end against the stand-in's raw PutItem rate.
      log(`ingest: ${SIZE.ingest} assessments, ${SIZE.concurrency} clients`);
      const latencies: number[] = [];
      const t0 = performance.now();
      await postAll(
        Array.from({ length: SIZE.ingest }, (_, i) => submission(i, 'ingest')),
        latencies,
      );
      await stack.poller.drain(600_000);
      const ingestSeconds = (performance.now() - t0) / 1000;
      const rawTable = 'bench-raw';
      const raw = dynamoClient(direct);
      await raw.send(
        new CreateTableCommand({
          TableName: rawTable,
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      await waitUntilTableExists({ client: raw, maxWaitTime: 60 }, { TableName: rawTable });
      const items = Array.from({ length: SIZE.ingest }, (_, i) => {
        const at = new Date(Date.UTC(2026, 0, 1) + i).toISOString();
        return eventToAttributes({
          metadata: { eventId: randomUUID(), type: 'AssessmentSubmitted', version: 2, occurredAt: at },
          payload: { assessmentId: randomUUID(), submittedAt: at, submission: storedSubmission(submission(i, 'raw')) },
        });
      });
      const r0 = performance.now();
      await pool(items, SIZE.concurrency, async (Item) => {
        await raw.send(new PutItemCommand({ TableName: rawTable, Item }));
      });
      const rawSeconds = (performance.now() - r0) / 1000;
      const ingestRate = SIZE.ingest / ingestSeconds;
      const rawRate = SIZE.ingest / rawSeconds;
      result.ingest = {
        assessments: SIZE.ingest,
        concurrency: SIZE.concurrency,
        endToEndSeconds: round(ingestSeconds),
        perSecond: round(ingestRate, 1),
        rawPutItemPerSecond: round(rawRate, 1),
        ratio: round(ingestRate / rawRate),
        limit: 0.5,
        within: ingestRate / rawRate >= 0.5,
        p50Ms: round(median(latencies), 1),
        p99Ms: round(percentile(latencies, 99), 1),
      };
    }

    if (wants('reports')) {
      // Reports: both reports against only reading the same items, in a process of their own.
      log(`reports: ${SIZE.reportServices} services, 8 quarters of counts`);
      const prefix = 'benchrep';
      const repDdb = dynamoClient(direct);
      await provision(repDdb, stack.s3, prefix);
      const repDoc = documentClient(repDdb);
      const projections = dynamoProjectionStore(repDoc, localResourceName('projections', prefix));
      const submissions = dynamoSubmissionStore(repDoc, { submissions: localResourceName('submissions', prefix) });
      // Each service's pre and post stored as the API stores them, and projected as the stream would.
      await pool(
        Array.from({ length: SIZE.reportServices }, (_, i) => i),
        32,
        async (i) => {
          const pre = { ...submission(i, 'rep'), assessedOn: '2026-01-15' };
          const post = { ...submission(i, 'rep'), phase: 'post' as const, assessedOn: '2026-08-01', answers: answers() };
          for (const [a, at] of [
            [pre, '2026-02-01T00:00:00.000Z'],
            [post, '2026-08-02T00:00:00.000Z'],
          ] as const) {
            const event = {
              metadata: { eventId: randomUUID(), type: 'AssessmentSubmitted' as const, version: 2 as const, occurredAt: at },
              payload: { assessmentId: `${i}-${a.phase}`, submittedAt: at, submission: storedSubmission(a) },
            };
            await submissions.putAssessment(event);
            await projections.putAssessmentRow(toAssessmentRow(upcastAssessment(event), itemKeyOf(event)));
          }
        },
      );
      const quarters = ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
      for (const eloket of MAIN_ELOKETTEN) {
        for (const [qi, quarter] of quarters.entries()) {
          const rows = Array.from({ length: SIZE.countRows }, (_, r) => ({
            organisationId: `ORG${r}`,
            targetGroup: 'burgers' as const,
            servicesOffered: 1 + ((r + qi) % 7),
            volumes: { click: 1000 + r, call: 100 + qi, connect: 10 },
          }));
          await projections.putCounts({
            eloket,
            period: quarter,
            version: 1,
            reportId: `${eloket}-${quarter}`,
            submittedAt: '2026-10-01T00:00:00.000Z',
            summary: summarize(rows),
          });
        }
      }
      const workerEnv = { ...process.env, ...functionEnvironment({ ...direct, DDS_RESOURCE_PREFIX: prefix }, 'publishReport') };
      // Asynchronous: s3rver runs in this process and must keep answering.
      const runWorker = (mode: string) =>
        new Promise<{ ms: number; maxRssMiB: number }>((resolveRun, reject) => {
          const child = spawn(
            process.execPath,
            ['--openssl-legacy-provider', '--import', 'tsx', join(REPO_ROOT, 'test/bench/report-worker.ts'), mode],
            { cwd: REPO_ROOT, env: workerEnv },
          );
          let out = '';
          let err = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.stderr.on('data', (d: Buffer) => (err += d.toString()));
          child.on('exit', (code) =>
            code === 0
              ? resolveRun(JSON.parse(out.trim().split('\n').at(-1)!))
              : reject(new Error(`report worker (${mode}) failed: ${err}`)),
          );
        });
      const reads = [await runWorker('read'), await runWorker('read'), await runWorker('read')];
      const publishes = [await runWorker('publish'), await runWorker('publish'), await runWorker('publish')];
      const readMs = median(reads.map((r) => r.ms));
      const publishMs = median(publishes.map((r) => r.ms));
      const peak = Math.max(...publishes.map((r) => r.maxRssMiB));
      result.reports = {
        services: SIZE.reportServices,
        countsReports: quarters.length * MAIN_ELOKETTEN.length,
        rowsPerCountsReport: SIZE.countRows,
        readOnlyMs: round(readMs, 1),
        bothReportsMs: round(publishMs, 1),
        ratio: round(publishMs / readMs),
        limit: 1.5,
        within: publishMs / readMs <= 1.5,
        peakRssMiB: round(peak, 1),
        memoryLimitMiB: 256,
        memoryWithin: peak < 256,
      };
    }
  } finally {
    await stack.stop();
    await proxy.close();
    await s3.stop();
    await dynamo.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  if (!wants('cold')) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  // Cold start: each function bundled as CDK bundles it, then loaded by a fresh node.
  log('cold start: bundling every function');
  const outDir = join(REPO_ROOT, '.bench', 'bundles');
  mkdirSync(outDir, { recursive: true });
  const coldSettings = localSettings({ DDS_DATA_DIR: dir });
  const timeNode = (args: string[], env: NodeJS.ProcessEnv = process.env) => {
    const runs: number[] = [];
    for (let i = 0; i < SIZE.coldRuns; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, args, { cwd: REPO_ROOT, env, stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed`);
      runs.push(performance.now() - t);
    }
    return median(runs);
  };
  const bare = timeNode(['-e', '']);
  const bundles = [];
  for (const [name, spec] of functionSpecs()) {
    const file = join(outDir, `${name}.mjs`);
    await build({
      entryPoints: [join(REPO_ROOT, spec.entry)],
      outfile: file,
      bundle: true,
      minify: true,
      sourcemap: false,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      mainFields: ['module', 'main'],
      external: ['@aws-sdk/*'],
      logLevel: 'silent',
      banner: { js: "import { createRequire as __ddsCreateRequire } from 'module'; const require = __ddsCreateRequire(import.meta.url);" },
    });
    const bytes = statSync(file).size;
    const loadMs = timeNode(['--input-type=module', '-e', `await import(${JSON.stringify(`file://${file}`)})`], {
      ...process.env,
      ...functionEnvironment(coldSettings, name),
    });
    bundles.push({
      function: name,
      bytes,
      limitBytes: 1024 * 1024,
      sizeWithin: bytes < 1024 * 1024,
      loadMs: round(loadMs, 1),
      ratio: round(loadMs / bare),
      limit: 2,
      within: loadMs / bare <= 2,
    });
  }
  result.coldStart = {
    bareNodeMs: round(bare, 1),
    note: 'the AWS SDK stays outside the bundles, as the Lambda runtime provides it; here it loads from node_modules',
    bundles,
  };
  console.log(JSON.stringify(result, null, 2));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
