// Reading what a period's figures rest on, page by page: the as-of selection
// over every assessment row and plan entry (holding per service only what the
// period's end needs), and the explained answers of the assessments selected.
import { AsOfSelection, type AsOfResult } from '../domain/as-of.js';
import { QuarterHistory, type QuarterValues } from '../domain/operational/values.js';
import type { ExplainedAnswer } from '../domain/report/period-selection.js';
import type { ProjectionStore } from '../adapters/projection-store.js';
import type { SubmissionStore } from '../adapters/submission-store.js';

export async function selectAsOfFromStore(projections: ProjectionStore, asOf: string): Promise<AsOfResult> {
  const selection = new AsOfSelection(asOf);
  for await (const row of projections.assessmentRows()) selection.addAssessment(row);
  for await (const entry of projections.plannedEntries()) selection.addPlanned(entry);
  return selection.result();
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
  for await (const row of projections.assessmentRows()) {
    selection.addAssessment(row);
    history.addAssessment(row);
  }
  for await (const entry of projections.plannedEntries()) selection.addPlanned(entry);
  return { selection: selection.result(), indicatorHistory: history.result() };
}

/** The explained answers of the selected assessments that have any, read from their stored submissions. */
export async function explanationsOf(submissions: SubmissionStore, result: AsOfResult): Promise<Map<string, ExplainedAnswer[]>> {
  const sources = result.services.flatMap((s) => [s.pre, s.post]).filter((a) => a !== null && a.explained > 0);
  return submissions.explainedAnswers(sources.map((a) => ({ assessmentId: a!.assessmentId, source: a!.source })));
}
