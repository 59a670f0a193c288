// Recomputes every service projection from the stored submissions: the same
// recomputation the projector does per record, over everything.
import { projectService, type StoredAssessment } from '../../shared/domain/service-view.js';
import type { ProjectionStore } from '../../shared/adapters/projection-store.js';
import type { SubmissionStore } from '../../shared/adapters/submission-store.js';

export async function rebuildProjections(deps: { submissions: SubmissionStore; projections: ProjectionStore }): Promise<{ services: number; assessments: number }> {
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
  return { services: byService.size, assessments };
}
