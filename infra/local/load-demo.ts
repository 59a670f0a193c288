// Loads the demo data through the API, exactly as providers, e-loket operators
// and the committee would: one provider key per organisation, assessments,
// yearly plans, counts; the committee's decisions through the same use case
// the API calls, on the days the committee met; then the report requests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { randomUUID } from 'node:crypto';
import { systemClock } from '../../shared/adapters/clock.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { recordDecision } from '../../shared/use-cases/record-decision.js';
import {
  DEMO_ORGANISATIONS,
  demoCounts,
  demoDecisions,
  demoOrganisationRegister,
  demoPlans,
  demoServices,
  demoTimeline,
  type DemoTimeline,
} from './demo-data.js';
import { dynamoOrganisationRegistry } from '../../shared/adapters/organisation-registry.js';
import { MAIN_ELOKETTEN } from '../../shared/domain/vocabulary.js';
import { main as dds } from '../cli/dds.js';
import { DEMO_INDICATORS_CSV, demoCatalogDay, demoReassessments } from './demo-indicators.js';
import { loadDemoFeedback } from './load-demo-feedback.js';
import type { LocalStack } from './local-stack.js';
import { localResourceName, portOf } from './settings.js';

export async function storeIsEmpty(stack: LocalStack): Promise<boolean> {
  const out = await stack.ddb.send(
    new ScanCommand({ TableName: localResourceName('submissions', stack.settings.DDS_RESOURCE_PREFIX), Limit: 1 }),
  );
  return (out.Items ?? []).length === 0;
}

async function post(url: string, key: string, body: unknown): Promise<Response> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
  return res;
}

/** Waits until the report is published, as a committee member would: GET /v1/reports/{reportId}. */
async function waitForPublished(stack: LocalStack, committeeKey: string, reportId: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(`${stack.apiUrl}/v1/reports/${encodeURIComponent(reportId)}`, {
      headers: { authorization: `Bearer ${committeeKey}` },
    });
    const status = (await res.json()) as { status?: string; error?: string };
    if (status.status === 'published') return;
    if (status.status === 'failed') throw new Error(`the report ${reportId} failed: ${status.error}`);
    if (Date.now() > deadline) throw new Error(`the report ${reportId} was not published in time (${JSON.stringify(status)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface DemoKeys {
  admin: string;
  committee: string;
  providers: Record<string, string>;
  eloketten: Record<string, string>;
}

export async function loadDemo(
  stack: LocalStack,
  log: (m: string) => void,
): Promise<{
  keysFile: string;
  keys: DemoKeys;
  assessments: number;
  countsReports: number;
  plans: number;
  decisions: number;
  timeline: DemoTimeline;
  feedback: Awaited<ReturnType<typeof loadDemoFeedback>>;
  /** the second indicator catalog version and the services re-assessed with it (none before the first was published) */
  indicators: { version: string; reassessments: number } | null;
}> {
  // What an operator does with `npm run dds -- orgs import`.
  await dynamoOrganisationRegistry(stack.doc, localResourceName('control', stack.settings.DDS_RESOURCE_PREFIX)).put(
    demoOrganisationRegister(),
  );
  const providers: Record<string, string> = {};
  for (const [org, name] of DEMO_ORGANISATIONS) {
    providers[org] = (await stack.keys.create({ role: 'service-provider', organisationId: org, label: `demo: ${name}` })).key;
  }
  const keys: DemoKeys = {
    admin: (await stack.keys.create({ role: 'admin', label: 'demo admin' })).key,
    committee: (await stack.keys.create({ role: 'steering-committee', label: 'demo committee' })).key,
    providers,
    eloketten: {},
  };
  for (const eloket of MAIN_ELOKETTEN) {
    keys.eloketten[eloket] = (await stack.keys.create({ role: 'eloket-operator', eloketId: eloket, label: `demo: ${eloket}` })).key;
  }
  const keysFile = join(stack.settings.dataDir, 'demo-keys.json');
  mkdirSync(stack.settings.dataDir, { recursive: true });
  writeFileSync(keysFile, `${JSON.stringify(keys, null, 2)}\n`, { mode: 0o600 });

  const timeline = demoTimeline(systemClock(stack.settings.DDS_TODAY).today());
  const services = demoServices(timeline);
  const submissions = services.flatMap((s) => s.assessments);
  const assessmentIds = new Map<string, string>();
  // Several providers at once, as in real traffic; order within a service is kept.
  const queue = [...submissions];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let s = queue.shift(); s; s = queue.shift()) {
        const res = await post(`${stack.apiUrl}/v1/assessments`, providers[s.organisationId]!, s);
        assessmentIds.set(`${s.organisationId}/${s.serviceId}/${s.phase}`, ((await res.json()) as { assessmentId: string }).assessmentId);
      }
    }),
  );
  log(`demo: ${submissions.length} assessments of ${services.length} services posted`);
  const plans = demoPlans(timeline, services);
  for (const plan of plans) await post(`${stack.apiUrl}/v1/plans`, providers[plan.organisationId]!, plan);
  log(`demo: ${plans.length} yearly plans posted (one of them a correction)`);
  // Counts in order: corrections come after what they correct.
  const counts = demoCounts(timeline);
  for (const report of counts)
    await post(`${stack.apiUrl}/v1/service-counts`, keys.eloketten[report.eloket]!, { period: report.period, counts: report.counts });
  log(`demo: ${counts.length} e-loket reports posted (8 quarters, 4 main e-loketten, with corrections)`);
  // A decision finds its assessment in the projections: let the projector catch up first.
  await stack.poller.drain();
  const decisions = demoDecisions(timeline, services);
  const prefix = stack.settings.DDS_RESOURCE_PREFIX;
  const submissionStore = dynamoSubmissionStore(stack.doc, { submissions: localResourceName('submissions', prefix) });
  const projectionStore = dynamoProjectionStore(stack.doc, localResourceName('projections', prefix));
  const committee = { keyId: 'demo', role: 'steering-committee' as const };
  for (const d of decisions) {
    const assessmentId = assessmentIds.get(`${d.organisationId}/${d.serviceId}/${d.phase}`)!;
    const found = await projectionStore.findAssessment(assessmentId);
    await recordDecision(
      { submissions: submissionStore, assessments: projectionStore, ...systemClock(d.decidedOn), newId: randomUUID },
      committee,
      {
        assessmentId,
        decision: d.decision,
        ...(d.criteria === 'first' ? { criteria: [found!.unmet[0]] } : {}),
        ...(d.until ? { until: d.until } : {}),
        ...(d.note ? { note: d.note } : {}),
      },
    );
  }
  log(`demo: ${decisions.length} committee decisions recorded, on the days the committee met`);
  const indicators = await loadDemoIndicators(stack, keys, timeline, services);
  if (indicators) log(`demo: indicator catalog ${indicators.version} imported, ${indicators.reassessments} services re-assessed with it`);
  const feedback = await loadDemoFeedback(stack, keys, timeline);
  log(
    `demo: ${feedback.feedbackReports} feedback reports from providers, ${feedback.formResponses} answers on the form, ${feedback.maturityScans} maturity scans, ${feedback.statusChanges} action-plan status changes`,
  );
  // The report reads the projections: let the projector catch up first.
  await stack.poller.drain();
  for (const period of timeline.reportPeriods) {
    const { reportId } = (await (await post(`${stack.apiUrl}/v1/reports`, keys.committee, { period })).json()) as { reportId: string };
    await waitForPublished(stack, keys.committee, reportId);
  }
  return {
    keysFile,
    keys,
    assessments: submissions.length,
    countsReports: counts.length,
    plans: plans.length,
    decisions: decisions.length,
    timeline,
    feedback,
    indicators,
  };
}

/**
 * The committee imports a second indicator catalog version with
 * `npm run dds -- indicators import` on the day it decided it (the CLI run
 * with that day as today), then three providers re-assess a service with it.
 */
async function loadDemoIndicators(
  stack: LocalStack,
  keys: DemoKeys,
  timeline: DemoTimeline,
  services: ReturnType<typeof demoServices>,
): Promise<{ version: string; reassessments: number } | null> {
  const day = demoCatalogDay(timeline);
  if (!day) return null;
  const file = 'demo-indicatoren.csv';
  writeFileSync(join(stack.settings.dataDir, file), `\uFEFF${DEMO_INDICATORS_CSV}\r\n`);
  const out: string[] = [];
  const s = stack.settings;
  const status = await dds(
    ['indicators', 'import', file, '--version', day],
    { out: (l) => out.push(l), err: (l) => out.push(l), progress: process.stderr },
    {
      AWS_ENDPOINT_URL_DYNAMODB: s.AWS_ENDPOINT_URL_DYNAMODB,
      AWS_ENDPOINT_URL_S3: s.AWS_ENDPOINT_URL_S3,
      AWS_REGION: s.AWS_REGION,
      DDS_RESOURCE_PREFIX: s.DDS_RESOURCE_PREFIX,
      DDS_DATA_DIR: s.dataDir,
      PORT: String(portOf(stack.apiUrl)),
      DDS_TODAY: day,
    },
    s.dataDir,
  );
  if (status !== 0) throw new Error(`the demo's indicator import failed: ${out.join('; ')}`);
  const again = demoReassessments(timeline, services, day);
  for (const a of again) await post(`${stack.apiUrl}/v1/assessments`, keys.providers[a.organisationId]!, a);
  return { version: day, reassessments: again.length };
}
