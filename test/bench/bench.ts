// npm run bench [-- --quick]: the quality targets of design §7, measured on
// this machine, each as a ratio against a limit measured in the same run.
// Prints one JSON object. Nothing here fails on a timing.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, PutItemCommand, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { BUNDLE_AWS_SDK, ESBUILD_OPTIONS } from '../../infra/bundling.js';
import { startLocalStack } from '../../infra/local/local-stack.js';
import { REPO_ROOT } from '../../infra/local/load-handler.js';
import { provision } from '../../infra/local/provision.js';
import { functionEnvironment, localResourceName, localSettings, type LocalSettings } from '../../infra/local/settings.js';
import { startDynamoDbLocal, startS3rver } from '../../infra/local/stand-ins.js';
import { functionSpecs } from '../../infra/topology.js';
import { documentClient, DYNAMODB_HTTP, LOCAL_CREDENTIALS } from '../../shared/adapters/clients.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { eventToAttributes } from '../../shared/adapters/submission-items.js';
import { storedSubmission } from '../../shared/domain/accept-assessment.js';
import { MAIN_ELOKETTEN } from '../../shared/domain/vocabulary.js';
import { countStoreRequests } from './store-request-counter.js';
import { benchSubmission, loadReportStore, pool, REPORT_QUARTERS, type ReportAnswers } from './report-store-loader.js';
import { freePort } from '../support/global-setup.js';

const quick = process.argv.includes('--quick');
// Quick sizes are chosen so that each ratio means what it means in the full run
// (docs/performance.md shows the curve): the same 16 clients, the same kind of
// store growth (10x and 50x) for the flat write cost, and enough services that
// the reports' fixed costs (start, index files) no longer dominate their time.
const SIZE = quick
  ? {
      ingest: 300,
      rounds: 3,
      concurrency: 16,
      storedSmall: 200,
      storedLarge: 2000,
      measured: 200,
      reportServices: 2000,
      // Not in the quick run, which must stay under design §7's minute: the full run's second report size.
      reportServicesLarge: 0,
      countRows: 1000,
      // Three pairs a bundle: the quick run's cold figures are a smoke check, the full run's ten pairs are the figure.
      coldRuns: 3,
      ingestAtLarge: !process.argv.includes('--no-ingest-at-large'),
      // One round with the large store keeps that path from rotting; three would put the run over design §7's minute.
      roundsAtLarge: 1,
    }
  : {
      ingest: 5000,
      rounds: 3,
      concurrency: 16,
      storedSmall: 1000,
      storedLarge: 50000,
      measured: 500,
      reportServices: 10000,
      // Design §7: memory at 50,000 too, and the time growing no faster than the services from 10,000.
      reportServicesLarge: 50000,
      countRows: 1000,
      coldRuns: 10,
      ingestAtLarge: !process.argv.includes('--no-ingest-at-large'),
      roundsAtLarge: 3,
    };
// --only=reports|ingest|cold, --report-services=N, --stored-large=N, --ingest=N: one figure, or one size, at a time;
// --report-services-large=M: the reports at M services too, once the store has grown to it, and the time's growth
// (by default 50,000 in the full run after its 10,000; none in the quick run, nor with --report-services alone).
// The ingest rounds run again once the large store is loaded (--no-ingest-at-large: not), in the quick run too,
// so that CI's quick run keeps that path from rotting.
// --cold-node=PATH: load the bundles (and bare node) with another Node, e.g. the Lambda runtime's version.
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const only = arg('only');
const wants = (part: string) => only === undefined || only === part;
if (arg('report-services')) {
  SIZE.reportServices = Number(arg('report-services'));
  SIZE.reportServicesLarge = 0;
}
if (arg('report-services-large')) SIZE.reportServicesLarge = Number(arg('report-services-large'));
if (arg('stored-large')) SIZE.storedLarge = Number(arg('stored-large'));
if (arg('ingest')) SIZE.ingest = Number(arg('ingest'));
// --report-answers=diverse: the report store's services answer each in a pattern of their own (report-store-loader.ts).
const REPORT_ANSWERS: ReportAnswers = arg('report-answers') === 'diverse' ? 'diverse' : 'two-patterns';
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

const benchStarted = performance.now();
/** esbuild as CDK bundles a function (infra/constructs/dds-function.ts). */
const BUNDLE_OPTIONS = {
  ...ESBUILD_OPTIONS,
  // the aliases are paths from the repository root, as CDK runs esbuild there
  absWorkingDir: REPO_ROOT,
  sourcemap: false,
  target: 'node20',
  logLevel: 'silent',
} as const satisfies BuildOptions;

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux): 0 where that cannot be read. */
function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  try {
    // Fields 14 and 15 (utime, stime) in clock ticks, after the command name in parentheses.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;
const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

const log = (m: string) => process.stderr.write(`[bench ${((performance.now() - benchStarted) / 1000).toFixed(0)}s] ${m}\n`);
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
const median = (xs: number[]) => percentile(xs, 50);
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

const submission = benchSubmission;

/**
 * The environment of a process that stands for a Lambda function (the report worker, a bundle's cold load): this
 * process's, less AWS_XRAY_MANUAL_MODE, which package.json sets for the local stack only. In Lambda the X-Ray SDK
 * runs in its default mode, with its async hook on every promise, so the bench must load the bundles that way too.
 */
const lambdaLikeEnv = (functionEnv: Record<string, string>): NodeJS.ProcessEnv => {
  const { AWS_XRAY_MANUAL_MODE: _localOnly, ...env } = process.env;
  return { ...env, ...functionEnv };
};

/** Design §7: the report process's peak memory stays under this. */
const REPORT_MEMORY_MIB = 256;
/**
 * The heap sizes Lambda's Node runtime gives a function of `memoryMb` (its bootstrap: a tenth for the young
 * generation, half of it a semi-space, the rest for the old one): the report worker runs with those of a
 * function of design §7's 256 MiB, as the report Lambda would if it were given that much. Without them this
 * machine's Node sizes its heap for 24 GiB and collects late, which measures the collector's room, not what
 * publishing needs (docs/performance.md, "Report memory").
 */
const lambdaHeapFlags = (memoryMb: number): string[] => {
  const young = Math.floor(memoryMb / 10);
  return [`--max-semi-space-size=${Math.floor(young / 2)}`, `--max-old-space-size=${memoryMb - young}`];
};
const REPORT_HEAP_FLAGS = lambdaHeapFlags(REPORT_MEMORY_MIB);

/** The bench's own client's sockets: its requests are not the stack's, so the store's request counter leaves them out. */
const benchAgent = new Agent({ keepAlive: true, maxSockets: 50 });
/**
 * The bench's own client for filling the stores and the raw PutItem rate: the functions' (shared/adapters/clients.ts)
 * gives up after 5 s a request, and with some 100,000 items in its file DynamoDB Local once took longer than that
 * to create the report part's tables, which ended a full run. Waiting longer here measures nothing differently.
 */
const patientClient = (settings: LocalSettings) =>
  new DynamoDBClient({
    region: settings.AWS_REGION,
    endpoint: settings.AWS_ENDPOINT_URL_DYNAMODB,
    credentials: LOCAL_CREDENTIALS,
    requestHandler: { ...DYNAMODB_HTTP, requestTimeout: 120_000, httpAgent: benchAgent },
    maxAttempts: 5,
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
  const storeRequests = countStoreRequests(direct.AWS_ENDPOINT_URL_DYNAMODB, benchAgent);
  const stack = await startLocalStack({ settings: direct, standIns: false });
  const os = await import('node:os');
  const result: Record<string, unknown> = {
    quick,
    sizes: SIZE,
    machine: { cpus: os.cpus().length, node: process.version, loadAverageAtStart: os.loadavg().map((l) => round(l, 2)) },
  };
  const stopLater: Array<() => Promise<void>> = [];
  try {
    const keys = new Map<string, string>();
    for (let o = 0; o < 100; o++) {
      const org = `ORG${String(o).padStart(3, '0')}`;
      keys.set(org, (await stack.keys.create({ role: 'service-provider', organisationId: org })).key);
    }
    const committee = (await stack.keys.create({ role: 'steering-committee' })).key;
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
    /** How many services GET /v1/indicators counts: what "end to end" waits for (design §7). */
    const countedServices = async () => {
      const res = await fetch(`${stack.apiUrl}/v1/indicators?period=2026-Q4`, { headers: { authorization: `Bearer ${committee}` } });
      if (res.status !== 200) throw new Error(`GET /v1/indicators answered ${res.status}`);
      return ((await res.json()) as { assessments: { services: number } }).assessments.services;
    };
    const untilCounted = async (expected: number) => {
      for (;;) {
        await stack.poller.drain(600_000);
        const counted = await countedServices();
        if (counted >= expected) return counted;
      }
    };
    const submissionsTable = localResourceName('submissions', direct.DDS_RESOURCE_PREFIX);
    const storedItem = (i: number, tag: string) => {
      const at = new Date(Date.UTC(2026, 0, 1) + i).toISOString();
      return eventToAttributes({
        metadata: { eventId: randomUUID(), type: 'AssessmentSubmitted', version: 2, occurredAt: at },
        payload: { assessmentId: randomUUID(), submittedAt: at, submission: storedSubmission(submission(i, tag)) },
      });
    };
    const ddbDirect = patientClient(direct);
    const preload = async (from: number, to: number) => {
      // Stored as the ingest would store them (their events), 25 a request, straight into the table; the projector projects them.
      const chunks = [];
      for (let i = from; i < to; i += 25) chunks.push(Array.from({ length: Math.min(25, to - i) }, (_, k) => storedItem(i + k, 'stored')));
      await pool(chunks, 8, async (chunk) => {
        let items = chunk.map((Item) => ({ PutRequest: { Item } }));
        while (items.length > 0) {
          const out = await ddbDirect.send(new BatchWriteItemCommand({ RequestItems: { [submissionsTable]: items } }));
          items = (out.UnprocessedItems?.[submissionsTable] ?? []) as typeof items;
        }
      });
      await stack.poller.drain(1_800_000);
    };
    const dataOps = () => [...storeRequests.counts.entries()].filter(([op]) => DATA_OPS.has(op)).reduce((a, [, n]) => a + n, 0);
    const opsBreakdown = (n: number) =>
      Object.fromEntries([...storeRequests.counts.entries()].filter(([op]) => DATA_OPS.has(op)).map(([op, c]) => [op, round(c / n)]));
    // The measured assessments come from 20 organisations, so each key sends many: the per-minute counter
    // reservations and key-cache refreshes then weigh the same in both windows, whenever a minute turns.
    const flatBodies = (tag: string) =>
      Array.from({ length: SIZE.measured }, (_, i) => ({ ...submission(i, tag), organisationId: `ORG${String(i % 20).padStart(3, '0')}` }));

    if (wants('ingest')) {
      // Flat write cost: requests per ingested assessment with few and with many stored.
      log(`flat write cost: ${SIZE.storedSmall} stored`);
      await preload(0, SIZE.storedSmall);
      // One request per key first, so both windows see warm key caches alike.
      await postAll([...keys.keys()].map((org, i) => ({ ...submission(i, 'warm'), organisationId: org })));
      await stack.poller.drain();
      storeRequests.reset();
      await postAll(flatBodies('flat-a'));
      await stack.poller.drain();
      const small = dataOps() / SIZE.measured;
      const smallOps = opsBreakdown(SIZE.measured);

      // Ingest end to end against the stand-in's raw PutItem rate, measured right before, in rounds (medians).
      const rawTable = 'bench-raw';
      await ddbDirect.send(
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
      await waitUntilTableExists({ client: ddbDirect, maxWaitTime: 60 }, { TableName: rawTable });
      /** Rounds of ingest end to end, each against the raw PutItem rate measured right before it (medians). */
      const ingestRounds = async (tag: string, stored: string, warmUp = false, roundsToRun = SIZE.rounds) => {
        const rounds: Array<{ rawPerSecond: number; perSecond: number; ratio: number; seconds: number; postedAfterSeconds: number }> = [];
        const latencies: number[] = [];
        const cpuMsPerAssessment: Array<Record<'raw' | 'endToEnd', { store: number; node: number }>> = [];
        let requests: Record<string, number> = {};
        if (warmUp) {
          // DynamoDB Local and this process speed up over their first thousands of requests (raw PutItem ran at
          // 480-620/s in the first round of a run and 870-950/s in later ones): one round of each side first, not
          // measured, so that no measured round compares a cold side with a warmer one.
          log(`ingest warm-up: ${SIZE.ingest} raw PutItem, then ${SIZE.ingest} assessments end to end, not measured`);
          const warmItems = Array.from({ length: SIZE.ingest }, (_, i) => storedItem(i, `rawwarmup${tag}`));
          await pool(warmItems, SIZE.concurrency, async (Item) => {
            await ddbDirect.send(new PutItemCommand({ TableName: rawTable, Item }));
          });
          const before = await untilCounted(0);
          await postAll(Array.from({ length: SIZE.ingest }, (_, i) => submission(i, `warmup${tag}`)));
          await untilCounted(before + SIZE.ingest);
        }
        for (let round_ = 0; round_ < roundsToRun; round_++) {
          log(
            `ingest round ${round_ + 1}/${roundsToRun}${stored ? ` (${stored})` : ''}: raw PutItem, then ${SIZE.ingest} assessments end to end, ${SIZE.concurrency} clients`,
          );
          const items = Array.from({ length: SIZE.ingest }, (_, i) => storedItem(i, `raw${tag}${round_}`));
          const cpu0 = { store: processCpuMs(dynamo.pid), node: ownCpuMs() };
          const r0 = performance.now();
          await pool(items, SIZE.concurrency, async (Item) => {
            await ddbDirect.send(new PutItemCommand({ TableName: rawTable, Item }));
          });
          const rawPerSecond = SIZE.ingest / ((performance.now() - r0) / 1000);
          const cpu1 = { store: processCpuMs(dynamo.pid), node: ownCpuMs() };
          const before = await untilCounted(0);
          storeRequests.reset();
          const cpu2 = { store: processCpuMs(dynamo.pid), node: ownCpuMs() };
          const t0 = performance.now();
          await postAll(
            Array.from({ length: SIZE.ingest }, (_, i) => submission(i, `ingest${tag}${round_}`)),
            latencies,
          );
          const posted = (performance.now() - t0) / 1000;
          await untilCounted(before + SIZE.ingest);
          const seconds = (performance.now() - t0) / 1000;
          const cpu3 = { store: processCpuMs(dynamo.pid), node: ownCpuMs() };
          // CPU per assessment, ms: DynamoDB Local's (its Java process) and this process's (raw: the clients;
          // end to end: the clients, the API, the poller and the projector), which side limits the rate.
          const perAssessment = (a: number, b: number) => round((b - a) / SIZE.ingest, 3);
          cpuMsPerAssessment.push({
            raw: { store: perAssessment(cpu0.store, cpu1.store), node: perAssessment(cpu0.node, cpu1.node) },
            endToEnd: { store: perAssessment(cpu2.store, cpu3.store), node: perAssessment(cpu2.node, cpu3.node) },
          });
          // Every request to the store per assessment, the stream's and the counting GET's included.
          requests = Object.fromEntries([...storeRequests.counts.entries()].map(([op, n]) => [op, round(n / SIZE.ingest)]));
          const perSecond = SIZE.ingest / seconds;
          rounds.push({
            rawPerSecond: round(rawPerSecond, 1),
            perSecond: round(perSecond, 1),
            ratio: round(perSecond / rawPerSecond),
            seconds: round(seconds),
            postedAfterSeconds: round(posted),
          });
        }
        const ratio = median(rounds.map((r) => r.ratio));
        // Raw CPU per assessment over end to end CPU per assessment (both processes): not judged, but where the
        // wall-clock ratio swings with the machine's load (two cores shared), this one moves far less.
        const total = (c: { store: number; node: number }) => c.store + c.node;
        const cpuRatio = round(median(cpuMsPerAssessment.map((c) => total(c.raw) / total(c.endToEnd))));
        return {
          assessments: SIZE.ingest,
          concurrency: SIZE.concurrency,
          rounds,
          endToEnd: 'first request sent until GET /v1/indicators counts every accepted assessment',
          ratio,
          limit: 0.5,
          within: ratio >= 0.5,
          p50Ms: round(median(latencies), 1),
          p99Ms: round(percentile(latencies, 99), 1),
          storeRequestsPerAssessmentLastRound: requests,
          cpuMsPerAssessment,
          cpuRatio,
        };
      };

      result.ingest = {
        storedBeforeFirstRound: `${SIZE.storedSmall} preloaded, then a warm-up round of ${SIZE.ingest}`,
        ...(await ingestRounds('', '', true)),
      };

      log(`flat write cost: ${SIZE.storedLarge} stored`);
      await preload(SIZE.storedSmall, SIZE.storedLarge);
      await postAll([...keys.keys()].map((org, i) => ({ ...submission(i, 'warm2'), organisationId: org })));
      await stack.poller.drain();
      storeRequests.reset();
      await postAll(flatBodies('flat-b'));
      await stack.poller.drain();
      const large = dataOps() / SIZE.measured;
      result.flatWriteCost = {
        requestsPerAssessment: { [`stored${SIZE.storedSmall}`]: round(small), [`stored${SIZE.storedLarge}`]: round(large) },
        byOperation: { [`stored${SIZE.storedSmall}`]: smallOps, [`stored${SIZE.storedLarge}`]: opsBreakdown(SIZE.measured) },
        ratio: round(large / small),
        limit: '1 ± 0.10',
        within: Math.abs(large / small - 1) <= 0.1,
      };
      if (SIZE.ingestAtLarge) {
        // The same rounds again with the large store (the curve of issue 12: ingest at 1,000, 10,000 and 50,000 stored).
        const stored = `${SIZE.storedLarge} preloaded`;
        try {
          result.ingestAtLarge = { storedBeforeFirstRound: stored, ...(await ingestRounds('large', stored, false, SIZE.roundsAtLarge)) };
        } catch (e) {
          // Recorded as a missed figure with its cause (e.g. GET /v1/indicators out of time), and the run goes on.
          log(`ingest with ${stored} failed: ${(e as Error).message}`);
          result.ingestAtLarge = { storedBeforeFirstRound: stored, failed: (e as Error).message };
        }
      }
    }

    if (wants('reports')) {
      // Reports: both reports against only reading the same items, in a process of their own.
      const prefix = 'benchrep';
      // A DynamoDB Local of its own: after the ingest part its file holds some 1 GB (100,000 items and more), and
      // filling the reports' tables in it took longer than 10 minutes, waiting on the disk (a full run, 27 November).
      const repDirect = localSettings({
        AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${await freePort()}`,
        AWS_ENDPOINT_URL_S3: direct.AWS_ENDPOINT_URL_S3,
        DDS_DATA_DIR: join(dir, 'reports'),
        PORT: '0',
        DDS_CODE_VERSION: 'bench',
      });
      const repDynamo = await startDynamoDbLocal(repDirect);
      stopLater.push(() => repDynamo.stop());
      const repDdb = patientClient(repDirect);
      await provision(repDdb, stack.s3, prefix);
      const repDoc = documentClient(repDdb);
      const projections = dynamoProjectionStore(repDoc, localResourceName('projections', prefix));
      let filled = 0;
      /** Grows the report store to `services` (from what it holds), in seconds. */
      const fillTo = async (services: number) => {
        const t0 = performance.now();
        await loadReportStore({
          ddb: repDdb,
          projections,
          submissionsTable: localResourceName('submissions', prefix),
          first: filled,
          services: services - filled,
          countRows: SIZE.countRows,
          answers: REPORT_ANSWERS,
        });
        filled = services;
        return (performance.now() - t0) / 1000;
      };
      const workerEnv = lambdaLikeEnv(functionEnvironment({ ...repDirect, DDS_RESOURCE_PREFIX: prefix }, 'publishReport'));
      // Asynchronous: s3rver runs in this process and must keep answering.
      // The worker runs bundled as the report Lambda is (esbuild, minified, the SDK inside), not under tsx:
      // tsx's transpiler and source maps alone add some 50 MiB to a process's peak memory (docs/performance.md).
      // DDS_WORKER_PROF=DIR: each worker run writes a CPU profile to DIR/read or DIR/publish, from an unminified
      // bundle (names readable); DDS_WORKER_LOG=FILE: each run's stderr (a publish's writes with their spans) appended.
      const workerFile = join(REPO_ROOT, '.bench', 'report-worker.mjs');
      await build({
        ...BUNDLE_OPTIONS,
        ...(process.env.DDS_WORKER_PROF ? { minify: false } : {}),
        entryPoints: [join(REPO_ROOT, 'test/bench/report-worker.ts')],
        outfile: workerFile,
      });
      const runWorker = (mode: string, heapFlags: readonly string[] = REPORT_HEAP_FLAGS) =>
        new Promise<{ ms: number; maxRssMiB: number }>((resolveRun, reject) => {
          const child = spawn(
            process.execPath,
            [
              ...heapFlags,
              ...(process.env.DDS_WORKER_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.DDS_WORKER_PROF}/${mode}`] : []),
              workerFile,
              mode,
            ],
            { cwd: REPO_ROOT, env: workerEnv },
          );
          let out = '';
          let err = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.stderr.on('data', (d: Buffer) => (err += d.toString()));
          // 'close', not 'exit': its output (an out-of-heap message) has all been read by then.
          child.on('close', (code) => {
            if (process.env.DDS_WORKER_LOG) appendFileSync(process.env.DDS_WORKER_LOG, `== ${mode}\n${err}\n${out}\n`);
            return code === 0
              ? resolveRun(JSON.parse(out.trim().split('\n').at(-1)!))
              : reject(new Error(`report worker (${mode}) failed: ${err}`));
          });
        });
      /** Both reports against only reading, at `services` (the store grown to it first): three of each, in turns. */
      const measureReports = async (services: number): Promise<ReportsFigure> => {
        log(`reports: ${services} services, 8 quarters of counts`);
        const setupSeconds = await fillTo(services);
        log(`reports: store filled in ${setupSeconds.toFixed(1)} s`);
        // Taken in turns, so the stand-in warming up (or the machine's load changing) weighs on both alike.
        const reads: Array<{ ms: number; maxRssMiB: number }> = [];
        const publishes: Array<{ ms: number; maxRssMiB: number }> = [];
        // A report that does not fit the heap a 256 MiB Lambda has is a missed figure, not a failed run.
        let outOfHeap: string | undefined;
        for (let i = 0; i < 3 && outOfHeap === undefined; i++) {
          for (const [mode, runs] of [
            ['read', reads],
            ['publish', publishes],
          ] as const) {
            try {
              runs.push(await runWorker(mode));
            } catch (e) {
              if (!/heap out of memory|Allocation failed/i.test((e as Error).message)) throw e;
              outOfHeap = `the report worker (${mode}) ran out of the heap of a ${REPORT_MEMORY_MIB} MiB Lambda`;
              break;
            }
          }
        }
        // For the record (not in the quick run, which must stay under a minute): the same publish under Node's own
        // heap sizing for this machine, no limit near 256 MiB; one run, where peakRssMiB is the largest of three.
        const nodeDefaults = quick ? undefined : await runWorker('publish', []);
        const memory = {
          worker: 'bundled as the report Lambda is (esbuild, minified), run by plain node',
          memoryLimitMiB: REPORT_MEMORY_MIB,
          heapFlags: REPORT_HEAP_FLAGS.join(' '),
          ...(nodeDefaults ? { peakRssMiBNodeDefaults: round(nodeDefaults.maxRssMiB, 1) } : {}),
        };
        const base = {
          services,
          answers: REPORT_ANSWERS,
          setupSeconds: round(setupSeconds, 1),
          countsReports: REPORT_QUARTERS.length * MAIN_ELOKETTEN.length,
          rowsPerCountsReport: SIZE.countRows,
        };
        if (outOfHeap !== undefined) return { ...base, failed: outOfHeap, memoryWithin: false, ...memory };
        const readMs = median(reads.map((r) => r.ms));
        const publishMs = median(publishes.map((r) => r.ms));
        const peak = Math.max(...publishes.map((r) => r.maxRssMiB));
        return {
          ...base,
          readOnlyMs: round(readMs, 1),
          bothReportsMs: round(publishMs, 1),
          ratio: round(publishMs / readMs),
          limit: 1.5,
          within: publishMs / readMs <= 1.5,
          peakRssMiB: round(peak, 1),
          readOnlyPeakRssMiB: round(Math.max(...reads.map((r) => r.maxRssMiB)), 1),
          memoryWithin: peak < REPORT_MEMORY_MIB,
          ...memory,
        };
      };
      const reports = await measureReports(SIZE.reportServices);
      result.reports = reports;
      if (SIZE.reportServicesLarge > 0 && SIZE.reportServicesLarge <= SIZE.reportServices)
        log(`reports: --report-services-large=${SIZE.reportServicesLarge} is not above ${SIZE.reportServices}: one size only`);
      if (SIZE.reportServicesLarge > SIZE.reportServices) {
        // Design §7: at 50,000 still under 256 MiB, and the time growing no faster than the services. The same store,
        // grown, always after the smaller size (so on a warmer stand-in); both sizes' medians. Both sizes share fixed
        // costs (the worker's start, the counts, publishing's fixed part), so time that is linear above them reads
        // under 1 too: the figure means something only where those are small beside the services' share.
        const large = reports.failed ? undefined : await measureReports(SIZE.reportServicesLarge);
        if (large) result.reportsLarge = large;
        const failed = reports.failed ?? large?.failed;
        if (failed !== undefined || !large || !reports.bothReportsMs || !large.bothReportsMs || !reports.readOnlyMs || !large.readOnlyMs) {
          result.reportGrowth = {
            services: `${reports.services} → ${SIZE.reportServicesLarge}`,
            failed: failed ?? 'not measured',
            limit: 1,
            within: false,
          };
        } else {
          const services = large.services / reports.services;
          const both = large.bothReportsMs / reports.bothReportsMs;
          result.reportGrowth = {
            services: `${reports.services} → ${large.services}`,
            servicesGrowth: round(services),
            bothReportsGrowth: round(both),
            readOnlyGrowth: round(large.readOnlyMs / reports.readOnlyMs),
            ratio: round(both / services),
            limit: 1,
            within: both / services <= 1,
          };
        }
      }
    }
  } finally {
    // The counter and the bench's own sockets first: neither depends on the stand-ins, which may fail to stop.
    storeRequests.close();
    benchAgent.destroy();
    for (const stop of stopLater) await stop();
    await stack.stop();
    await s3.stop();
    await dynamo.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  if (!wants('cold')) {
    print(result);
    return;
  }
  // Cold start: each function bundled as CDK bundles it, then loaded by a fresh node.
  log('cold start: bundling every function');
  const outDir = join(REPO_ROOT, '.bench', 'bundles');
  mkdirSync(outDir, { recursive: true });
  const coldSettings = localSettings({ DDS_DATA_DIR: dir });
  // Each process also reports its CPU time (user + system, all threads) as it exits: on a shared machine
  // the wall-clock ratio moves with the load, the CPU ratio much less, so an A/B reads better in it.
  const REPORT_CPU =
    "process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('cpu ' + (u.userCPUTime + u.systemCPUTime) / 1000); })";
  const coldNode = arg('cold-node') ?? process.execPath;
  const coldNodeVersion = spawnSync(coldNode, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const runNode = (args: string[], env: NodeJS.ProcessEnv = process.env) => {
    const t = performance.now();
    const r = spawnSync(coldNode, args, { cwd: REPO_ROOT, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const wall = performance.now() - t;
    if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
    return { wall, cpu: Number(/cpu ([\d.]+)/.exec(r.stderr)?.[1] ?? NaN) };
  };
  /** Bare node and the bundle taken in turns, so a change in the machine's load weighs on both alike. */
  const timeAgainstBare = (file: string, env: NodeJS.ProcessEnv) => {
    const bare: Array<{ wall: number; cpu: number }> = [];
    const load: Array<{ wall: number; cpu: number }> = [];
    for (let i = 0; i < SIZE.coldRuns; i++) {
      bare.push(runNode(['-e', REPORT_CPU]));
      load.push(runNode(['--input-type=module', '-e', `${REPORT_CPU}; await import(${JSON.stringify(`file://${file}`)})`], env));
    }
    return {
      bare: median(bare.map((b) => b.wall)),
      load: median(load.map((l) => l.wall)),
      ratio: median(load.map((l, i) => l.wall / bare[i]!.wall)),
      bareCpu: median(bare.map((b) => b.cpu)),
      loadCpu: median(load.map((l) => l.cpu)),
      cpuRatio: median(load.map((l, i) => l.cpu / bare[i]!.cpu)),
    };
  };
  const bares: number[] = [];
  const bundles = [];
  // Every function in one esbuild run (the same options as CDK's bundling), with its metafile: what each bundle holds.
  const specs = functionSpecs();
  const built = await build({
    ...BUNDLE_OPTIONS,
    entryPoints: Object.fromEntries(specs.map(([name, spec]) => [name, join(REPO_ROOT, spec.entry)])),
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    metafile: true,
  });
  writeFileSync(join(outDir, 'metafile.json'), JSON.stringify(built.metafile));
  for (const [name] of specs) {
    const file = join(outDir, `${name}.mjs`);
    const bytes = statSync(file).size;
    const timed = timeAgainstBare(file, lambdaLikeEnv(functionEnvironment(coldSettings, name)));
    bares.push(timed.bare);
    bundles.push({
      function: name,
      bytes,
      limitBytes: 1024 * 1024,
      sizeWithin: bytes < 1024 * 1024,
      loadMs: round(timed.load, 1),
      bareNodeMs: round(timed.bare, 1),
      ratio: round(timed.ratio),
      limit: 2,
      within: timed.ratio <= 2,
      loadCpuMs: round(timed.loadCpu, 1),
      bareNodeCpuMs: round(timed.bareCpu, 1),
      cpuRatio: round(timed.cpuRatio),
      largestInputsKiB: largestInputs(built.metafile, relative(REPO_ROOT, file)),
    });
  }
  result.coldStart = {
    node: coldNodeVersion,
    bareNodeMs: round(median(bares), 1),
    method: `per bundle, ${SIZE.coldRuns} runs of bare node and the bundle in turns; the ratio is the median of the pairs (wall clock, the figure); cpuRatio the same for the processes' CPU time`,
    note: BUNDLE_AWS_SDK
      ? 'the AWS SDK is bundled, as CDK bundles it (infra/bundling.ts)'
      : 'the AWS SDK stays outside the bundles, as the Lambda runtime provides it; here it loads from node_modules',
    metafile: relative(REPO_ROOT, join(outDir, 'metafile.json')),
    bundles,
  };
  print(result);
}

/** What a bundle holds, by package (or by folder of this repository), largest first, in KiB. */
function largestInputs(metafile: Metafile, output: string, top = 6): Record<string, number> {
  const byPackage = new Map<string, number>();
  for (const [path, input] of Object.entries(metafile.outputs[output]?.inputs ?? {})) {
    const key = path.includes('node_modules/')
      ? path.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1')
      : path.split('/').slice(0, 2).join('/');
    byPackage.set(key, (byPackage.get(key) ?? 0) + input.bytesInOutput);
  }
  return Object.fromEntries(
    [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, v]) => [k, round(v / 1024, 1)]),
  );
}

type IngestFigure = {
  ratio: number;
  within: boolean;
  assessments: number;
  concurrency: number;
  p50Ms: number;
  p99Ms: number;
  storedBeforeFirstRound: string;
  cpuRatio: number;
};
type ReportsFigure = {
  services: number;
  answers: string;
  /** seconds to fill the store to `services`, or to grow it there from the size measured before */
  setupSeconds: number;
  countsReports: number;
  rowsPerCountsReport: number;
  worker: string;
  memoryLimitMiB: number;
  heapFlags: string;
  peakRssMiBNodeDefaults?: number;
  memoryWithin: boolean;
  limit?: number;
  failed?: string;
  readOnlyMs?: number;
  bothReportsMs?: number;
  ratio?: number;
  within?: boolean;
  peakRssMiB?: number;
  readOnlyPeakRssMiB?: number;
};
type Figure = { figure: string; value: number | string; target: string; status: 'met' | 'missed' };
const figure = (f: string, value: number | string, target: string, met: boolean): Figure => ({
  figure: f,
  value,
  target,
  status: met ? 'met' : 'missed',
});

/** The whole result, led by one line per figure of design §7 (issue 12's table): its value, its target, met or missed. */
function print(result: Record<string, unknown>) {
  const r = result as {
    ingest?: IngestFigure;
    ingestAtLarge?: IngestFigure & { failed?: string };
    flatWriteCost?: { ratio: number; within: boolean; requestsPerAssessment: Record<string, number> };
    reports?: ReportsFigure;
    reportsLarge?: ReportsFigure;
    reportGrowth?: {
      services: string;
      bothReportsGrowth?: number;
      readOnlyGrowth?: number;
      ratio?: number;
      within: boolean;
      failed?: string;
    };
    coldStart?: {
      node: string;
      bundles: Array<{ function: string; bytes: number; ratio: number; cpuRatio: number; within: boolean; sizeWithin: boolean }>;
    };
  };
  const figures: Figure[] = [];
  if (r.ingest)
    figures.push(
      figure(
        `ingest end to end / raw PutItem, ${r.ingest.concurrency} clients, ${r.ingest.assessments} assessments, ${r.ingest.storedBeforeFirstRound} (p50 ${r.ingest.p50Ms} ms, p99 ${r.ingest.p99Ms} ms; CPU ${r.ingest.cpuRatio.toFixed(2)})`,
        r.ingest.ratio,
        '>= 0.5',
        r.ingest.within,
      ),
    );
  if (r.ingestAtLarge?.failed)
    figures.push(figure(`  the same with ${r.ingestAtLarge.storedBeforeFirstRound}`, `failed: ${r.ingestAtLarge.failed}`, '>= 0.5', false));
  else if (r.ingestAtLarge)
    figures.push(
      figure(
        `  the same with ${r.ingestAtLarge.storedBeforeFirstRound} (p50 ${r.ingestAtLarge.p50Ms} ms, p99 ${r.ingestAtLarge.p99Ms} ms; CPU ${r.ingestAtLarge.cpuRatio.toFixed(2)})`,
        r.ingestAtLarge.ratio,
        '>= 0.5',
        r.ingestAtLarge.within,
      ),
    );
  if (r.flatWriteCost) {
    const [[small, a], [large, b]] = Object.entries(r.flatWriteCost.requestsPerAssessment) as [[string, number], [string, number]];
    figures.push(
      figure(
        `write cost per assessment, ${large.replace('stored', '')} / ${small.replace('stored', '')} stored (${b} / ${a} requests)`,
        r.flatWriteCost.ratio,
        '1 ± 0.10',
        r.flatWriteCost.within,
      ),
    );
  }
  const reportData = (x: ReportsFigure) => `${x.services} services${x.answers === 'diverse' ? ', diverse answers' : ''}`;
  if (r.reports?.failed) {
    const failed = `failed: ${r.reports.failed}`;
    figures.push(figure(`both reports / only reading, ${reportData(r.reports)}`, failed, '<= 1.5', false));
    figures.push(figure(`peak memory of the report process, ${reportData(r.reports)}, MiB`, failed, '< 256', false));
  } else if (r.reports) {
    figures.push(figure(`both reports / only reading, ${reportData(r.reports)}`, r.reports.ratio!, '<= 1.5', r.reports.within!));
    figures.push(
      figure(`peak memory of the report process, ${reportData(r.reports)}, MiB`, r.reports.peakRssMiB!, '< 256', r.reports.memoryWithin),
    );
  }
  if (r.reportsLarge) {
    const x = r.reportsLarge;
    const value = x.failed ? `failed: ${x.failed}` : x.peakRssMiB!;
    figures.push(figure(`peak memory of the report process, ${reportData(x)}, MiB`, value, '< 256', x.memoryWithin));
  }
  if (r.reportGrowth?.failed) {
    figures.push(
      figure(`report time growth / services growth, ${r.reportGrowth.services}`, `failed: ${r.reportGrowth.failed}`, '<= 1', false),
    );
  } else if (r.reportGrowth) {
    const g = r.reportGrowth;
    figures.push(
      figure(
        `report time growth / services growth, ${g.services} (both reports ${g.bothReportsGrowth}×, reading ${g.readOnlyGrowth}×)`,
        g.ratio!,
        '<= 1',
        g.within,
      ),
    );
  }
  if (r.coldStart) {
    const b = r.coldStart.bundles;
    const worst = [...b].sort((x, y) => y.ratio - x.ratio)[0]!;
    const largest = [...b].sort((x, y) => y.bytes - x.bytes)[0]!;
    figures.push(
      figure(
        `cold load / bare node (${r.coldStart.node}), worst of ${b.length} bundles (${worst.function}; ${b.filter((x) => !x.within).length} over)`,
        worst.ratio,
        '<= 2',
        b.every((x) => x.within),
      ),
    );
    for (const x of b)
      figures.push(figure(`  cold load / bare node: ${x.function} (CPU ${x.cpuRatio.toFixed(2)})`, x.ratio, '<= 2', x.within));
    figures.push(
      figure(
        `bundle size, largest of ${b.length} (${largest.function}), MiB`,
        round(largest.bytes / 1024 / 1024),
        '< 1',
        b.every((x) => x.sizeWithin),
      ),
    );
  }
  const n = (x: number) => x.toLocaleString('en-GB');
  const parts = [
    wants('ingest') && `${n(SIZE.ingest)}${quick ? ' (not 5,000)' : ''} assessments a round`,
    wants('ingest') && `${n(SIZE.storedSmall)} vs ${n(SIZE.storedLarge)}${quick ? ' (not 1,000 vs 50,000)' : ''} stored`,
    wants('ingest') && SIZE.ingestAtLarge && `${SIZE.roundsAtLarge} of ${SIZE.rounds} ingest rounds with the large store`,
    wants('reports') &&
      `${n(SIZE.reportServices)}${SIZE.reportServicesLarge > SIZE.reportServices ? ` and ${n(SIZE.reportServicesLarge)}` : ''}${quick ? ' (not 10,000 and 50,000)' : ''} services`,
  ].filter(Boolean);
  const sizes = `${quick ? 'QUICK run, smaller than design §7' : 'at the sizes given'}: ${parts.join('; ') || 'cold start only'}`;
  const width = Math.max(...figures.map((f) => f.figure.length));
  log(sizes);
  for (const f of figures) log(`${f.figure.padEnd(width)}  ${String(f.value).padStart(7)}  target ${f.target.padEnd(8)}  ${f.status}`);
  console.log(JSON.stringify({ sizes, figures, ...result }, null, 2));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
