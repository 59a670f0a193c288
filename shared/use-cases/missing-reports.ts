// Which reports are late: the monthly run on the 1st publishes the month
// before (and, on a quarter's first day, the quarter); from the 2nd on, a
// period of that run with no publication recorded is missing. Checked daily,
// so the figure stays up until someone publishes the period, and then drops.
import { periodsEndedBy } from '../domain/periods.js';
import type { ProjectionStore } from '../adapters/projection-store.js';

/** The periods the latest monthly run should have published by `today` (YYYY-MM-DD, Brussels). */
export function periodsDueBy(today: string): string[] {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // On the 1st the run may still be going: what is due is the previous month's run.
  const run = d >= 2 ? new Date(Date.UTC(y, m - 1, 1, 12)) : new Date(Date.UTC(y, m - 2, 1, 12));
  return periodsEndedBy(run);
}

export async function missingReports(deps: { projections: Pick<ProjectionStore, 'publishedReport'> }, today: string): Promise<string[]> {
  const due = periodsDueBy(today);
  const published = await Promise.all(due.map((p) => deps.projections.publishedReport(p)));
  return due.filter((_p, i) => published[i] === null);
}
