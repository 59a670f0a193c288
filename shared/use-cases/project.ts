// Projecting what a stored submission touches: an assessment's own row (from
// its event alone), a decision's row, a plan and an e-loket period's figures
// recomputed from their latest stored version. Nothing is incremented, so a
// replayed, duplicated or late record changes nothing. Used by the stream
// consumer and by rebuild.
import { upcastAssessment } from '../../events/assessment-submitted.js';
import { isEvent, type AnyEvent } from '../../events/index.js';
import { toAssessmentRow, type AssessmentRow } from '../domain/assessment-row.js';
import { summarize } from '../domain/service-counts.js';
import type { ProjectionStore } from '../adapters/projection-store.js';
import type { SubmissionStore } from '../adapters/submission-store.js';
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
    await deps.projections.putAssessmentRow(toAssessmentRow(upcastAssessment(event)));
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

export type RowOutcome = { ok: true; projected: { projected: string; outcome: 'written' } } | { ok: false; error: unknown };

/**
 * The assessments' rows of a batch of stored events, as the stream delivers
 * them, written together in as few requests as the store allows (each row
 * comes from its event alone, so writing it again changes nothing). Each
 * assessment's outcome by its event id; other events are left to
 * `projectEvent`. Never throws: a store that fails the whole write fails
 * every row, each on its own.
 */
export async function writeAssessmentRows(deps: ProjectDeps, events: ReadonlyArray<AnyEvent>): Promise<Map<string, RowOutcome>> {
  const outcomes = new Map<string, RowOutcome>();
  const rows = new Map<string, AssessmentRow>();
  for (const event of events) {
    if (!isEvent(event, 'AssessmentSubmitted')) continue;
    try {
      rows.set(event.metadata.eventId, toAssessmentRow(upcastAssessment(event)));
    } catch (error) {
      outcomes.set(event.metadata.eventId, { ok: false, error });
    }
  }
  if (rows.size === 0) return outcomes;
  let written: { failed: AssessmentRow[]; error?: unknown };
  try {
    written = await deps.projections.putAssessmentRows([...rows.values()]);
  } catch (error) {
    written = { failed: [...rows.values()], error };
  }
  const failed = new Set(written.failed.map((r) => r.assessmentId));
  for (const [eventId, row] of rows) {
    outcomes.set(
      eventId,
      failed.has(row.assessmentId)
        ? { ok: false, error: written.error ?? new Error(`the row of assessment ${row.assessmentId} was not written`) }
        : { ok: true, projected: { projected: `assessment of ${row.organisationId}/${row.serviceId}`, outcome: 'written' } },
    );
  }
  return outcomes;
}

/** Recomputes every projection from the stored submissions: the same recomputation, over everything. */
export async function rebuildProjections(deps: ProjectDeps): Promise<{
  services: number;
  assessments: number;
  countsPeriods: number;
  countsReports: number;
  /** items stored without their index attribute (before the byKind index), given it */
  indexed: number;
  feedback?: Awaited<ReturnType<typeof rebuildFeedbackStrategy>>;
}> {
  const services = new Set<string>();
  let assessments = 0;
  let pending: AssessmentRow[] = [];
  const flush = async () => {
    const { failed, error } = await deps.projections.putAssessmentRows(pending);
    if (failed.length > 0) throw error ?? new Error(`${failed.length} assessment rows were not written`);
    pending = [];
  };
  for await (const event of deps.submissions.allEvents('AssessmentSubmitted')) {
    const a = upcastAssessment(event);
    pending.push(toAssessmentRow(a));
    if (pending.length >= 100) await flush();
    services.add(`${a.submission.organisationId}\u0000${a.submission.serviceId}`);
    assessments += 1;
  }
  await flush();
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
  // Last: what was not recomputed above (the records of published reports) is put in the index too.
  const indexed = await deps.projections.indexUnindexedItems();
  return { services: services.size, assessments, countsPeriods: periods.size, countsReports, indexed, ...feedback };
}
