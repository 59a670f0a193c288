// Projecting what a stored submission touches: an assessment's own row (from
// its event alone), a decision's row, a plan and an e-loket period's figures
// recomputed from their latest stored version. Nothing is incremented, so a
// replayed, duplicated or late record changes nothing. Used by the stream
// consumer and by rebuild.
import { upcastAssessment } from '../../events/assessment-submitted.js';
import { isEvent, type AnyEvent } from '../../events/index.js';
import { toAssessmentRow } from '../domain/assessment-row.js';
import { summarize } from '../domain/service-counts.js';
import type { ProjectionStore } from '../adapters/projection-store.js';
import type { SubmissionStore } from '../adapters/submission-store.js';
import { itemKeyOf } from '../adapters/submission-items.js';
import { projectFeedbackStrategyEvent, rebuildFeedbackStrategy, type FeedbackProjectDeps } from './project-feedback-strategy.js';

export interface ProjectDeps {
  submissions: SubmissionStore;
  projections: ProjectionStore;
  /** feedback, maturity scans and status changes (their events fail loudly without it) */
  feedback?: FeedbackProjectDeps;
}

export async function projectPlanOf(deps: ProjectDeps, organisationId: string, year: number) {
  const latest = await deps.submissions.latestPlan(organisationId, year);
  if (!latest) throw new Error(`no stored plan of ${organisationId} for ${year} is readable yet`);
  return deps.projections.putPlan(latest.payload);
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
    // The assessment's own row comes from the event alone: writing it again changes nothing.
    await deps.projections.putAssessmentRow(toAssessmentRow(upcastAssessment(event), itemKeyOf(event)));
    return { projected: `assessment of ${organisationId}/${serviceId}`, outcome: 'written' };
  }
  if (isEvent(event, 'PlanSubmitted')) {
    const { organisationId, year } = event.payload;
    return { projected: `plan ${organisationId} ${year}`, outcome: await projectPlanOf(deps, organisationId, year) };
  }
  if (isEvent(event, 'DecisionRecorded')) {
    const { assessmentId, ...rest } = event.payload;
    await deps.projections.putDecision({ ...rest, assessmentId });
    return { projected: `decision ${rest.decisionId}`, outcome: 'written' };
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
  const services = new Set<string>();
  let assessments = 0;
  for await (const event of deps.submissions.allEvents('AssessmentSubmitted')) {
    const a = upcastAssessment(event);
    await deps.projections.putAssessmentRow(toAssessmentRow(a, itemKeyOf(event)));
    services.add(`${a.submission.organisationId}\u0000${a.submission.serviceId}`);
    assessments += 1;
  }
  const plans = new Map<string, { organisationId: string; year: number }>();
  for await (const p of deps.submissions.allEvents('PlanSubmitted'))
    plans.set(`${p.payload.organisationId}\u0000${p.payload.year}`, p.payload);
  for (const { organisationId, year } of plans.values()) await projectPlanOf(deps, organisationId, year);
  for await (const d of deps.submissions.allEvents('DecisionRecorded')) await deps.projections.putDecision(d.payload);
  const periods = new Map<string, { eloket: string; period: string }>();
  let countsReports = 0;
  for await (const r of deps.submissions.allServiceCounts()) {
    periods.set(`${r.payload.eloket}\u0000${r.payload.period}`, { eloket: r.payload.eloket, period: r.payload.period });
    countsReports += 1;
  }
  for (const { eloket, period } of periods.values()) await projectCountsOf(deps, eloket, period);
  const feedback = deps.feedback ? { feedback: await rebuildFeedbackStrategy(deps.feedback) } : {};
  return { services: services.size, assessments, countsPeriods: periods.size, countsReports, ...feedback };
}
