// Runs in its own process, as the report Lambda would: reads the projections,
// or builds and publishes both reports, and prints its time and peak memory.
import { dynamoIndicatorCatalogStore, storedIndicatorCatalogs } from '../../shared/adapters/indicator-catalog-store.js';
import { randomUUID } from 'node:crypto';
import { documentClient } from '../../shared/adapters/clients.js';
import { s3Client } from '../../shared/adapters/s3-client.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { dynamoCommentStore } from '../../shared/adapters/comment-store.js';
import { dynamoEloketRegistry } from '../../shared/adapters/eloket-registry.js';
import { dynamoFeedbackStrategyProjections } from '../../shared/adapters/feedback-strategy-projections.js';
import { dynamoMaturityThemes } from '../../shared/adapters/maturity-themes.js';
import { s3ObjectStore, type ObjectStore } from '../../shared/adapters/object-store.js';
import { dynamoOrganisationRegistry } from '../../shared/adapters/organisation-registry.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { parsePeriod } from '../../shared/domain/periods.js';
import { explanationsOf, feedbackInputsOf, selectAsOfFromStore } from '../../shared/use-cases/period-selection.js';
import { publishReports } from '../../shared/use-cases/publish-reports.js';

const mode = process.argv[2];
const period = process.argv[3] ?? '2026-Q3';
const config = functionConfig('publishReport');
const ddb = documentClient(config);
const projections = dynamoProjectionStore(ddb, config.resources.projections);
const eloketten = dynamoEloketRegistry(ddb, config.resources.control);
const feedbackDeps = {
  projections,
  feedbackProjections: dynamoFeedbackStrategyProjections(ddb, config.resources.projections),
  comments: dynamoCommentStore(ddb, config.resources.feedbackComments),
  themes: dynamoMaturityThemes(ddb, config.resources.control),
};

const started = performance.now();
/**
 * DDS_WORKER_MEM=1 (in the bench): process.memoryUsage() every 20 ms, its peaks in the JSON line and the samples
 * (ms, heap used, heap total, array buffers, RSS, in MiB) on stderr. A synchronous stretch is not sampled: the
 * peak RSS printed is the kernel's (maxRSS), not the samples'.
 */
const memPeak: Record<string, number> = {};
const samples: string[] = [];
if (process.env.DDS_WORKER_MEM) {
  const mib = (n: number) => Math.round(n / 1048576);
  setInterval(() => {
    const m = process.memoryUsage();
    for (const [k, v] of Object.entries(m)) memPeak[k] = Math.max(memPeak[k] ?? 0, mib(v));
    samples.push(
      [performance.now() - started, m.heapUsed, m.heapTotal, m.arrayBuffers, m.rss]
        .map((v, i) => (i === 0 ? v.toFixed(0) : mib(v)))
        .join(' '),
    );
  }, 20).unref();
}

/** Each write's key and span (ms since the start), printed on stderr: where publishing waits (DDS_WORKER_LOG in the bench). */
const writes: string[] = [];
function timed(store: ObjectStore): ObjectStore {
  const at = () => (performance.now() - started).toFixed(0);
  return {
    ...store,
    async put(bucket, key, object) {
      const from = at();
      await store.put(bucket, key, object);
      writes.push(`put ${key} ${from}-${at()}`);
    },
    async stage(bucket, key, object) {
      const from = at();
      const staged = await store.stage(bucket, key, object);
      writes.push(`stage ${key} ${from}-${at()}`);
      return {
        ...staged,
        async commit() {
          const committing = at();
          await staged.commit();
          writes.push(`commit ${key} ${committing}-${at()}`);
        },
      };
    },
    async copy(bucket, fromKey, toKey, contentType) {
      const from = at();
      await store.copy(bucket, fromKey, toKey, contentType);
      writes.push(`copy ${toKey} ${from}-${at()}`);
    },
  };
}
const submissions = dynamoSubmissionStore(ddb, { submissions: config.resources.submissions });
if (mode === 'read') {
  // What publishing reads, and nothing more: the rows and plans, the decisions, the counts, the explained submissions, the feedback.
  const selection = await selectAsOfFromStore(projections, parsePeriod(period)!.end);
  const feedback = await feedbackInputsOf(feedbackDeps, parsePeriod(period)!, new Date());
  void feedback.feedback.length;
  for await (const d of projections.decisions()) void d;
  const counts = await Promise.all((await eloketten.list()).map((e) => projections.listCounts(e.id)));
  const explanations = await explanationsOf(submissions, selection);
  void counts.length;
  void explanations.size;
} else {
  await publishReports(
    {
      submissions,
      eloketten,
      organisations: dynamoOrganisationRegistry(ddb, config.resources.control),
      ...feedbackDeps,
      indicatorCatalogs: storedIndicatorCatalogs(dynamoIndicatorCatalogStore(ddb, config.resources.control)),
      objects: timed(s3ObjectStore(s3Client(config))),
      buckets: config.resources,
      codeVersion: 'bench',
      newId: randomUUID,
      now: () => new Date(),
      today: () => '2027-01-01',
    },
    period,
  );
}
const ms = performance.now() - started;
if (writes.length > 0) process.stderr.write(`${writes.join('\n')}\n`);
if (samples.length > 0) process.stderr.write(`memory (ms, heap used, heap total, array buffers, rss; MiB)\n${samples.join('\n')}\n`);
console.log(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, ...(process.env.DDS_WORKER_MEM ? { memPeak } : {}) }));
