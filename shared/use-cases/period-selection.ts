// Reading what a period's figures rest on, page by page: the as-of selection
// over every assessment row and plan entry (holding per service only what the
// period's end needs), and the explained answers of the assessments selected.
import { AsOfSelection, type AsOfResult } from '../domain/as-of.js';
import type { ExplainedAnswer } from '../domain/report/period-selection.js';
import type { ProjectionStore } from '../adapters/projection-store.js';
import type { SubmissionStore } from '../adapters/submission-store.js';

export async function selectAsOfFromStore(projections: ProjectionStore, asOf: string): Promise<AsOfResult> {
  const selection = new AsOfSelection(asOf);
  for await (const row of projections.assessmentRows()) selection.addAssessment(row);
  for await (const entry of projections.plannedEntries()) selection.addPlanned(entry);
  return selection.result();
}

/** Several selections, one per day, from one pass over the rows (a series makes one per period). */
export async function selectAsOfManyFromStore(
  projections: Pick<ProjectionStore, 'assessmentRows' | 'plannedEntries'>,
  days: readonly string[],
): Promise<AsOfResult[]> {
  const selections = days.map((day) => new AsOfSelection(day));
  for await (const row of projections.assessmentRows()) for (const s of selections) s.addAssessment(row);
  for await (const entry of projections.plannedEntries()) for (const s of selections) s.addPlanned(entry);
  return selections.map((s) => s.result());
}

/** The explained answers of the selected assessments that have any, read from their stored submissions. */
export async function explanationsOf(submissions: SubmissionStore, result: AsOfResult): Promise<Map<string, ExplainedAnswer[]>> {
  const sources = result.services.flatMap((s) => [s.pre, s.post]).filter((a) => a !== null && a.explained > 0);
  return submissions.explainedAnswers(sources.map((a) => ({ assessmentId: a!.assessmentId, source: a!.source })));
}
