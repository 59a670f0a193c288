// Recomputes every projection from the stored submissions: the same
// recomputation the projector does per record, over everything.
import { projectService, type StoredAssessment } from '../../shared/domain/service-view.js';
import type { ProjectionStore } from '../../shared/adapters/projection-store.js';
import type { SubmissionStore } from '../../shared/adapters/submission-store.js';
import { projectCountsOf } from './projector.js';

export async function rebuildProjections(deps: {
  submissions: SubmissionStore;
  projections: ProjectionStore;
}): Promise<{ services: number; assessments: number; countsPeriods: number; countsReports: number }> {
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
  return { services: byService.size, assessments, countsPeriods: periods.size, countsReports };
}
