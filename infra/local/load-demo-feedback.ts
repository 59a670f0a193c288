// Loads the demo's feedback, maturity scans and action-plan progress. What a
// provider, the committee or a user does today goes through the API; what
// happened over the past two years (form answers given then, status changes
// recorded then) goes through the same use cases with the clock of that
// day, since the API dates those by when they arrive.
import { randomUUID } from 'node:crypto';
import { brusselsDate } from '../../shared/domain/today.js';
import { dynamoFeedbackOrigins } from '../../shared/adapters/feedback-origins.js';
import { dynamoFeedbackStore } from '../../shared/adapters/feedback-store.js';
import { dynamoMaturityThemes } from '../../shared/adapters/maturity-themes.js';
import { dynamoStrategyEventStore } from '../../shared/adapters/strategy-event-store.js';
import { DEFAULT_RETENTION_DAYS } from '../../shared/adapters/comment-store.js';
import { giveFeedback } from '../../shared/use-cases/give-feedback.js';
import { recordStrategyStatus } from '../../shared/use-cases/record-strategy-status.js';
import { demoServices, type DemoTimeline } from './demo-data.js';
import { DEMO_MATURITY_THEMES, demoFeedback } from './demo-feedback.js';
import type { LocalStack } from './local-stack.js';
import { localResourceName } from './settings.js';

async function post(url: string, key: string, body: unknown): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
}

/** Runs `work` over the items, 8 at a time, as concurrent clients would. */
async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
    }),
  );
}

export async function loadDemoFeedback(
  stack: LocalStack,
  keys: { committee: string; providers: Record<string, string> },
  timeline: DemoTimeline,
): Promise<{ feedbackReports: number; formResponses: number; maturityScans: number; statusChanges: number }> {
  const name = (r: Parameters<typeof localResourceName>[0]) => localResourceName(r, stack.settings.DDS_RESOURCE_PREFIX);
  const services = demoServices(timeline);
  const demo = demoFeedback(timeline, services);

  // What an operator does with `npm run dds -- maturity themes import` and `feedback origins add`.
  await dynamoMaturityThemes(stack.doc, name('control')).put(DEMO_MATURITY_THEMES);
  const first = services[0]!;
  await dynamoFeedbackOrigins(stack.doc, name('control')).add(first.organisationId, first.serviceId, 'https://www.omgevingsloket.be');

  // Providers push their aggregates from their own tools, several at once; each in its own order (a correction last).
  const byProvider = new Map<string, typeof demo.aggregates>();
  for (const r of demo.aggregates) byProvider.set(r.organisationId, [...(byProvider.get(r.organisationId) ?? []), r]);
  await inParallel([...byProvider.values()], async (reports) => {
    for (const report of reports) await post(`${stack.apiUrl}/v1/feedback`, keys.providers[report.organisationId]!, report);
  });
  await inParallel(demo.scans, (scan) => post(`${stack.apiUrl}/v1/maturity`, keys.providers[scan.organisationId]!, scan));

  // Users' answers on the form, over two years, each from a user of its own.
  const feedback = dynamoFeedbackStore(
    stack.doc,
    { submissions: name('submissions'), feedbackComments: name('feedbackComments') },
    {
      retentionDays: DEFAULT_RETENTION_DAYS,
      today: brusselsDate,
    },
  );
  const names = new Map(services.map((s) => [`${s.organisationId}/${s.serviceId}`, s.assessments[0]!.service.name]));
  await inParallel(demo.responses, (r) =>
    giveFeedback(
      { feedback, clients: { admit: async () => ({ ok: true }) }, now: () => new Date(r.at), newId: randomUUID },
      { organisationId: r.organisationId, serviceId: r.serviceId, name: names.get(`${r.organisationId}/${r.serviceId}`)! },
      'demo',
      { rating: r.rating, ...(r.foundIt ? { foundIt: r.foundIt } : {}), ...(r.comment ? { comment: r.comment } : {}) },
    ),
  );
  // And today, through the form itself.
  for (const s of services.slice(0, 3)) {
    const res = await fetch(`${stack.apiUrl}/v1/feedback/${s.organisationId}/${s.serviceId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ rating: '4', foundIt: 'yes', comment: 'Vandaag vlot gelukt via de website.', website: '' }).toString(),
      redirect: 'manual',
    });
    if (res.status !== 303) throw new Error(`the form answered ${res.status}: ${await res.text()}`);
  }

  // The committee's record of the action plan's progress.
  const events = dynamoStrategyEventStore(stack.doc, name('submissions'));
  for (const c of demo.statusChanges)
    await recordStrategyStatus({ events, now: () => new Date(c.at), newId: randomUUID }, c.subject, {
      status: c.status,
      ...(c.note ? { note: c.note } : {}),
    });
  await post(`${stack.apiUrl}/v1/actions/6/status`, keys.committee, { status: 'lopend', note: 'De service toolkit is in opbouw.' });

  return {
    feedbackReports: demo.aggregates.length,
    formResponses: demo.responses.length + 3,
    maturityScans: demo.scans.length,
    statusChanges: demo.statusChanges.length + 1,
  };
}
