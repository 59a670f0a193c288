// Reading what a period's figures rest on, page by page: the as-of selection
// over every assessment row and plan entry (holding per service only what the
// period's end needs), the explained answers of the assessments selected,
// and the feedback, comments and yearly facts the period shows.
import { AsOfSelection, type AsOfResult } from '../domain/as-of.js';
import { serviceKeyOf, type AssessmentRow } from '../domain/assessment-row.js';
import { RowCompactor } from '../domain/compact-rows.js';
import type { Period } from '../domain/periods.js';
import {
  serviceKey,
  showsFeedback,
  withinPeriod,
  type FeedbackTallyRow,
  type MaturityScanFact,
  type PlanHead,
  type ReportComment,
} from '../domain/report/feedback-input.js';
import type { ExplainedAnswer, ReportInput } from '../domain/report/period-selection.js';
import type { CommentStore } from '../adapters/comment-store.js';
import type { FeedbackStrategyProjections } from '../adapters/feedback-strategy-projections.js';
import type { MaturityThemes } from '../adapters/maturity-themes.js';
import { QuarterHistory, type QuarterValues } from '../domain/operational/values.js';
import type { ProjectionStore } from '../adapters/projection-store.js';
import type { SubmissionStore } from '../adapters/submission-store.js';

export async function selectAsOfFromStore(projections: ProjectionStore, asOf: string): Promise<AsOfResult> {
  const selection = new AsOfSelection(asOf);
  // Each row as the selection keeps it: what many rows hold alike, once (shared/domain/compact-rows.ts).
  const rows = new RowCompactor();
  for await (const read of projections.assessmentRows()) {
    const key = serviceKeyOf(read);
    selection.addAssessment(rows.compact(read, key), key);
  }
  for await (const entry of projections.plannedEntries()) selection.addPlanned(entry);
  return selection.result();
}

/** Several selections, one per day, from one pass over the rows (a series makes one per period). */
export async function selectAsOfManyFromStore(
  projections: Pick<ProjectionStore, 'assessmentRows' | 'plannedEntries'>,
  days: readonly string[],
): Promise<AsOfResult[]> {
  const selections = days.map((day) => new AsOfSelection(day));
  const rows = new RowCompactor();
  for await (const read of projections.assessmentRows()) {
    const key = serviceKeyOf(read);
    const row = rows.compact(read, key);
    for (const s of selections) s.addAssessment(row, key);
  }
  for await (const entry of projections.plannedEntries()) for (const s of selections) s.addPlanned(entry);
  return selections.map((s) => s.result());
}

/**
 * The period's selection and, from the same pass over the rows, the
 * indicator values of the quarters of its trend, each quarter as of its own end.
 */
export async function selectPeriodFromStore(
  projections: ProjectionStore,
  asOf: string,
  quarters: ReadonlyArray<{ quarter: string; asOf: string }>,
): Promise<{ selection: AsOfResult; indicatorHistory: QuarterValues[] }> {
  const selection = new AsOfSelection(asOf);
  const history = new QuarterHistory(quarters);
  const rows = new RowCompactor();
  for await (const read of projections.assessmentRows()) {
    // One key string per service for all nine selections and the compactor.
    const key = serviceKeyOf(read);
    const row = rows.compact(read, key);
    selection.addAssessment(row, key);
    history.addAssessment(row, key);
  }
  for await (const entry of projections.plannedEntries()) selection.addPlanned(entry);
  return { selection: selection.result(), indicatorHistory: history.result() };
}

/** The explained answers of the selected assessments that have any, read from their stored submissions. */
export async function explanationsOf(submissions: SubmissionStore, result: AsOfResult): Promise<Map<string, ExplainedAnswer[]>> {
  const explained = result.services.flatMap((s) => [s.pre, s.post].filter((a): a is AssessmentRow => a !== null && a.explained > 0));
  return submissions.explainedAnswers(explained);
}

/** What the reports read of the feedback instrument, the maturity scans and the action plan. */
export interface FeedbackReadDeps {
  projections: ProjectionStore;
  feedbackProjections: FeedbackStrategyProjections;
  comments: CommentStore;
  themes: MaturityThemes;
}

export type FeedbackInputs = Pick<ReportInput, 'feedback' | 'comments' | 'plans' | 'maturity' | 'themes' | 'statusChanges'>;

/** At most this many services' comments are read at once. */
const COMMENT_READS = 8;

/**
 * The period's feedback tallies (only those it shows: nothing dated after its
 * end), the comments of its services that had any feedback in it, live at
 * `now` (expired ones are never read), and for a year the plans, maturity
 * scans, themes and status changes of the yearly report.
 */
export async function feedbackInputsOf(deps: FeedbackReadDeps, period: Period, now: Date): Promise<FeedbackInputs> {
  const shows = showsFeedback(period);
  const inPeriod = withinPeriod(period);
  const feedback: FeedbackTallyRow[] = [];
  const withFeedback = new Map<string, { organisationId: string; serviceId: string }>();
  for await (const row of deps.feedbackProjections.feedbackTallies()) {
    if (!shows(row)) continue;
    feedback.push(row);
    // A comment comes with a response or an aggregate in the period: only those services can have any.
    if (inPeriod(row)) withFeedback.set(serviceKey(row), { organisationId: row.organisationId, serviceId: row.serviceId });
  }
  const services = [...withFeedback.values()];
  const comments: ReportComment[] = [];
  for (let n = 0; n < services.length; n += COMMENT_READS) {
    const read = await Promise.all(
      services
        .slice(n, n + COMMENT_READS)
        .map(async (s) => (await deps.comments.list(s.organisationId, s.serviceId, period, now)).map((c) => ({ ...c, ...s }))),
    );
    comments.push(...read.flat());
  }
  if (period.kind !== 'year') return { feedback, comments, plans: [], maturity: [], themes: [], statusChanges: [] };
  const plans: PlanHead[] = [];
  for await (const p of deps.projections.planHeads()) plans.push(p);
  const maturity: MaturityScanFact[] = [];
  for await (const m of deps.feedbackProjections.maturityScans()) maturity.push(m);
  const [themes, statusChanges] = await Promise.all([deps.themes.list(), deps.feedbackProjections.listStatusChanges()]);
  return { feedback, comments, plans, maturity, themes, statusChanges };
}
