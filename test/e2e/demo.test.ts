// The demo data set that `npm start` loads on an empty store: deterministic,
// ingested through the API, and published as reports.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServices, demoTimeline } from '../../infra/local/demo-data.js';
import { TODAY } from '../support/fixtures.js';

const timeline = demoTimeline(TODAY);
import { loadDemo, storeIsEmpty } from '../../infra/local/load-demo.js';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import { standIns } from '../support/stand-ins.js';
import { ddsClient } from '../../shared/client/dds-client.js';

let stack: LocalStack;

beforeAll(async () => {
  const env = await standIns('demo');
  stack = await startLocalStack({ settings: env.settings, standIns: false });
});
afterAll(async () => stack?.stop());

describe('demo data', () => {
  it('is the same on every machine', () => {
    const a = demoServices(timeline);
    expect(a).toEqual(demoServices(timeline));
    expect(a).toHaveLength(52);
    expect(a.flatMap((s) => s.assessments)).toHaveLength(83);
    expect(new Set(a.map((s) => s.organisationId)).size).toBe(24);
  });

  it('loads through the API into an empty store and publishes the reports', async () => {
    expect(await storeIsEmpty(stack)).toBe(true);
    const demo = await loadDemo(stack, () => undefined);
    expect(demo.assessments).toBe(83);
    // 8 quarters: two e-loketten monthly (2 × 24), two quarterly (2 × 8), and 3 corrections
    expect(demo.countsReports).toBe(67);
    expect(demo.feedback).toEqual({ feedbackReports: 92, formResponses: expect.any(Number), maturityScans: 16, statusChanges: 16 });
    expect(await storeIsEmpty(stack)).toBe(false);
    expect(existsSync(demo.keysFile)).toBe(true);
    const keys = JSON.parse(readFileSync(join(stack.settings.dataDir, 'demo-keys.json'), 'utf8')) as {
      committee: string;
      providers: Record<string, string>;
    };
    expect(Object.keys(keys.providers)).toHaveLength(24);

    const index = await (await fetch(`${stack.apiUrl}/reports/`)).text();
    expect(timeline.reportPeriods).toEqual(['2025', '2026-Q2', '2026-Q3']);
    for (const p of timeline.reportPeriods) expect(index).toContain(`href="${p}/"`);
    // The last complete year's reports are the yearly report of seed §3.2.
    const yearly = (await (await fetch(`${stack.apiUrl}/reports/2025/report.json`)).json()) as {
      providers: Array<{ plan: unknown[] | null; maturity: unknown }>;
      withoutPlan: unknown[];
      yearDecisions: { counts: { total: number } };
      actionPlan: { actions: Array<{ changes: unknown[] }> };
      feedback: { all: { status: string } };
    };
    expect(yearly.providers.length).toBeGreaterThan(0);
    expect(yearly.providers.some((p) => p.plan !== null && p.plan.length > 0)).toBe(true);
    expect(yearly.providers.some((p) => p.maturity !== null)).toBe(true);
    expect(yearly.withoutPlan.length).toBeGreaterThan(0);
    expect(yearly.actionPlan.actions.some((a) => a.changes.length > 0)).toBe(true);
    expect(yearly.feedback.all.status).toBe('enough');
    const latest = (await (await fetch(`${stack.apiUrl}/reports/latest/report.json`)).json()) as {
      period: { id: string };
      assessments: { services: number; withPost: number };
    };
    expect(latest.period.id).toBe('2026-Q3');
    // every demo service is assessed by the end of 2026-Q3, 31 of them after their rework too
    expect(latest.assessments.services).toBe(52);
    expect(latest.assessments.withPost).toBe(31);
    const overview = (await ddsClient({ baseUrl: stack.apiUrl, key: keys.committee }).getIndicatorOverview('2026-Q3')).body;
    expect(overview.eloketten['mijn-burgerprofiel']).toMatchObject({ status: 'derived', subPeriodsReported: 3 });
    expect(overview.eloketten['e-loket-ondernemers']?.status).toBe('reported');
    expect(overview.all).toMatchObject({ status: 'aggregated', eloketten: 4 });
    const committee = await fetch(`${stack.apiUrl}/committee/2026-Q3/`, { headers: { authorization: `Bearer ${keys.committee}` } });
    expect(committee.status).toBe(200);
    const committeePage = await committee.text();
    expect(committeePage).toContain('Rapport voor het Stuurorgaan');
    expect(committeePage).toContain('<h2 id="operationele-indicatoren">');

    // The committee imported a second indicator catalog early in this quarter; three services were re-assessed with it.
    expect(demo.indicators).toEqual({ version: '2026-10-20', reassessments: 3 });
    const indicatorCatalog = (await (await fetch(`${stack.apiUrl}/v1/indicator-catalog`)).json()) as {
      currentVersion: string;
      versions: Array<{ indicatorCatalogVersion: string; indicators: Array<{ id: string }> }>;
    };
    expect(indicatorCatalog.currentVersion).toBe('2026-10-20');
    expect(indicatorCatalog.versions.map((v) => [v.indicatorCatalogVersion, v.indicators.length])).toEqual([
      ['2026-10', 7],
      ['2026-10-20', 8],
    ]);
    // Most services report measures: a provider reads where its service stands among its peers, as of today.
    expect(
      (latest as unknown as { goodValues: { indicators: Array<{ results: { reporting: number } }> } }).goodValues.indicators[0]!.results
        .reporting,
    ).toBeGreaterThan(20);
    const view = (await (
      await fetch(`${stack.apiUrl}/v1/services/OVO000101/dossier-opvolgen`, { headers: { authorization: `Bearer ${keys.committee}` } })
    ).json()) as { indicatorCatalogVersion: string; peers: Record<string, { status: string; value: unknown }> };
    expect(view.indicatorCatalogVersion).toBe('2026-10-20');
    expect(view.peers.processSteps).toMatchObject({ status: 'compared', value: 3 });
    expect(view.peers.statusTracking).toMatchObject({ status: 'too_few_peers', value: true });

    // Feedback of both kinds, its comments masked on the way in; the form of every demo service.
    const [first] = demoServices(timeline);
    const form = await fetch(`${stack.apiUrl}/feedback/${first!.organisationId}/${first!.serviceId}`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('Wat vindt u van');
    const feedback = (await (
      await fetch(`${stack.apiUrl}/v1/feedback/${first!.organisationId}/${first!.serviceId}?period=2026`, {
        headers: { authorization: `Bearer ${keys.committee}` },
      })
    ).json()) as { feedback: { status: string }; sources: { form: { responses: number } }; comments: Array<{ text: string }> };
    expect(feedback.feedback.status).toBe('enough');
    expect(feedback.sources.form.responses).toBeGreaterThan(0);
    const comments = feedback.comments.map((c) => c.text).join('\n');
    expect(comments).not.toMatch(/0470 12 34 56|85\.07\.30-033\.28|an\.peeters@voorbeeld\.be/);
  }, 300_000); // the whole demo through the API: minutes on a busy 2-core machine
});
