// Projecting what a stored submission touches, from what is stored: a
// service's projection from all its assessments, an e-loket period's figures
// from its latest report version. Recomputing (never incrementing) makes a
// replayed, duplicated or late record harmless. Used by the stream consumer
// and by rebuild.
import { isEvent, type AnyEvent } from '../../events/index.js';
import { summarize } from '../domain/service-counts.js';
import { projectService, type StoredAssessment } from '../domain/service-view.js';
import type { ProjectionStore } from '../adapters/projection-store.js';
import type { SubmissionStore } from '../adapters/submission-store.js';
import { projectFeedbackStrategyEvent, rebuildFeedbackStrategy, type FeedbackProjectDeps } from './project-feedback-strategy.js';

export interface ProjectDeps {
  submissions: SubmissionStore;
  projections: ProjectionStore;
  /** feedback, maturity scans and status changes (their events fail loudly without it) */
  feedback?: FeedbackProjectDeps;
}

export async function projectServiceOf(deps: ProjectDeps, organisationId: string, serviceId: string) {
  const projection = projectService(await deps.submissions.listServiceAssessments(organisationId, serviceId));
  if (!projection) throw new Error(`no stored assessment of ${organisationId}/${serviceId} is readable yet`);
  return deps.projections.putService(projection);
}

export async function projectCountsOf(deps: ProjectDeps, eloket: string, period: string) {
  const latest = await deps.submissions.latestServiceCounts(eloket, period);
  if (!latest) throw new Error(`no stored counts of ${eloket} for ${period} are readable yet`);
  const p = latest.payload;
  return deps.projections.putCounts({
    eloket,
    period,
    version: p.version,
    reportId: p.reportId,
    submittedAt: p.submittedAt,
    summary: summarize(p.counts),
  });
}

/** What one stored event changes; other events change no projection. */
export async function projectEvent(
  deps: ProjectDeps,
  event: AnyEvent,
): Promise<{ projected: string; outcome: 'written' | 'stale' } | null> {
  if (isEvent(event, 'AssessmentSubmitted')) {
    const { organisationId, serviceId } = event.payload.submission;
    return { projected: `service ${organisationId}/${serviceId}`, outcome: await projectServiceOf(deps, organisationId, serviceId) };
  }
  if (isEvent(event, 'ServiceCountsReported')) {
    const { eloket, period } = event.payload;
    return { projected: `counts ${eloket} ${period}`, outcome: await projectCountsOf(deps, eloket, period) };
  }
  if (deps.feedback) return projectFeedbackStrategyEvent(deps.feedback, event);
  if (['FeedbackGiven', 'FeedbackReported', 'MaturityScanned', 'ActionStatusChanged'].includes(event.metadata.type))
    throw new Error(`the projector is not wired for ${event.metadata.type}`);
  return null;
}

/** Recomputes every projection from the stored submissions: the same recomputation, over everything. */
export async function rebuildProjections(deps: ProjectDeps): Promise<{
  services: number;
  assessments: number;
  countsPeriods: number;
  countsReports: number;
  feedback?: Awaited<ReturnType<typeof rebuildFeedbackStrategy>>;
}> {
  const byService = new Map<string, StoredAssessment[]>();
  let assessments = 0;
  for await (const a of deps.submissions.allAssessments()) {
    const key = `${a.submission.organisationId}\u0000${a.submission.serviceId}`;
    const list = byService.get(key) ?? [];
    list.push(a);
    byService.set(key, list);
    assessments += 1;
  }
  for (const list of byService.values()) {
    const projection = projectService(list);
    if (projection) await deps.projections.putService(projection);
  }
  const periods = new Map<string, { eloket: string; period: string }>();
  let countsReports = 0;
  for await (const r of deps.submissions.allServiceCounts()) {
    periods.set(`${r.payload.eloket}\u0000${r.payload.period}`, { eloket: r.payload.eloket, period: r.payload.period });
    countsReports += 1;
  }
  for (const { eloket, period } of periods.values()) await projectCountsOf(deps, eloket, period);
  const feedback = deps.feedback ? { feedback: await rebuildFeedbackStrategy(deps.feedback) } : {};
  return { services: byService.size, assessments, countsPeriods: periods.size, countsReports, ...feedback };
}
