// Projecting the feedback instrument, the maturity scans and the action
// plan's status changes, as project.ts does for assessments and counts:
// each projection is recomputed from what is stored (a day's responses, a
// month's days, every version of a provider's report for a period), or, for
// a scan or a status change, written from the event under a condition an
// older one cannot pass. A replayed or late record changes nothing.
import { isEvent, type AnyEvent } from '../../events/index.js';
import { addTallies, tallyOfCounts, tallyResponses } from '../domain/feedback/tally.js';
import type { FeedbackStrategyEvents } from '../adapters/feedback-store.js';
import type { FeedbackStrategyProjections } from '../adapters/feedback-strategy-projections.js';

export interface FeedbackProjectDeps {
  events: FeedbackStrategyEvents;
  projections: FeedbackStrategyProjections;
}

/** A day's form responses of a service, then its month from the month's days. */
export async function projectFormDay(deps: FeedbackProjectDeps, organisationId: string, serviceId: string, day: string) {
  const responses = await deps.events.responsesOfDay(organisationId, serviceId, day);
  if (responses.length === 0) throw new Error(`no stored response of ${organisationId}/${serviceId} on ${day} is readable yet`);
  await deps.projections.putFormDay(organisationId, serviceId, {
    day,
    tally: tallyResponses(responses.map((r) => r.payload)),
    sourceEvents: responses.length,
    lastGivenAt: responses.reduce((m, r) => (r.payload.givenAt > m ? r.payload.givenAt : m), ''),
  });
  const month = day.slice(0, 7);
  // A failed condition means another recomputation saw a newer day: reading the days again catches up with it.
  for (let attempt = 0; attempt < 5; attempt++) {
    const days = await deps.projections.formDaysOfMonth(organisationId, serviceId, month);
    const outcome = await deps.projections.putFormMonth(organisationId, serviceId, month, days, addTallies(days.map((d) => d.tally)));
    if (outcome === 'written') return 'written' as const;
  }
  return 'stale' as const;
}

/** Each service a provider reported for a period: the latest version that names it stands. */
export async function projectFeedbackReport(deps: FeedbackProjectDeps, organisationId: string, period: string) {
  const versions = await deps.events.reportVersions(organisationId, period);
  if (versions.length === 0) throw new Error(`no stored feedback report of ${organisationId} for ${period} is readable yet`);
  const current = new Map<
    string,
    { version: number; reportId: string; submittedAt: string; s: (typeof versions)[number]['payload']['services'][number] }
  >();
  for (const v of versions)
    for (const s of v.payload.services)
      current.set(s.serviceId, { version: v.payload.version, reportId: v.payload.reportId, submittedAt: v.payload.submittedAt, s });
  let written = 0;
  for (const [serviceId, { version, reportId, submittedAt, s }] of current) {
    const outcome = await deps.projections.putAggregate(organisationId, serviceId, {
      period,
      version,
      reportId,
      submittedAt,
      tally: tallyOfCounts(s),
    });
    if (outcome === 'written') written += 1;
  }
  return written > 0 ? ('written' as const) : ('stale' as const);
}

/** What one stored event of these kinds changes; null for any other event. */
export async function projectFeedbackStrategyEvent(
  deps: FeedbackProjectDeps,
  event: AnyEvent,
): Promise<{ projected: string; outcome: 'written' | 'stale' } | null> {
  if (isEvent(event, 'FeedbackGiven')) {
    const { organisationId, serviceId, givenOn } = event.payload;
    return {
      projected: `feedback ${organisationId}/${serviceId} ${givenOn}`,
      outcome: await projectFormDay(deps, organisationId, serviceId, givenOn),
    };
  }
  if (isEvent(event, 'FeedbackReported')) {
    const { organisationId, period } = event.payload;
    return { projected: `feedback report ${organisationId} ${period}`, outcome: await projectFeedbackReport(deps, organisationId, period) };
  }
  if (isEvent(event, 'MaturityScanned')) {
    const { organisationId, year } = event.payload;
    return { projected: `maturity ${organisationId} ${year}`, outcome: await deps.projections.putMaturity(event) };
  }
  if (isEvent(event, 'ActionStatusChanged')) {
    const p = event.payload;
    await deps.projections.putStatusChange(event);
    return { projected: `status ${p.subject === 'action' ? `action ${p.action}` : p.supportTool}`, outcome: 'written' };
  }
  return null;
}

/** Recomputes every projection of these kinds from the stored submissions. */
export async function rebuildFeedbackStrategy(deps: FeedbackProjectDeps) {
  const days = new Map<string, [string, string, string]>();
  for await (const r of deps.events.allResponses()) {
    const { organisationId, serviceId, givenOn } = r.payload;
    days.set(`${organisationId}\u0000${serviceId}\u0000${givenOn}`, [organisationId, serviceId, givenOn]);
  }
  for (const [o, s, d] of days.values()) await projectFormDay(deps, o, s, d);
  const reports = new Map<string, [string, string]>();
  for await (const r of deps.events.allReports())
    reports.set(`${r.payload.organisationId}\u0000${r.payload.period}`, [r.payload.organisationId, r.payload.period]);
  for (const [o, p] of reports.values()) await projectFeedbackReport(deps, o, p);
  let scans = 0;
  for await (const e of deps.events.allMaturityScans()) {
    await deps.projections.putMaturity(e);
    scans += 1;
  }
  let statusChanges = 0;
  for await (const e of deps.events.allStatusChanges()) {
    await deps.projections.putStatusChange(e);
    statusChanges += 1;
  }
  return { feedbackDays: days.size, feedbackReports: reports.size, maturityScans: scans, statusChanges };
}
