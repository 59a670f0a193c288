// A service as its owner or the committee reads it now: its assessments and
// the committee's decisions read straight from the stored submissions (a
// consistent read, so a provider sees its assessment at once), and its entry
// in the latest yearly plan.
import { mayReadOrganisation, type Caller } from '../domain/access.js';
import { serviceView, type ServiceView } from '../domain/service-view.js';
import { organisationIdSchema, slugSchema } from '../domain/vocabulary.js';
import type { ProjectionStore } from '../adapters/projection-store.js';
import type { SubmissionStore } from '../adapters/submission-store.js';
import { Refusal } from './refusal.js';

export async function readService(
  deps: { submissions: SubmissionStore; projections: Pick<ProjectionStore, 'latestPlannedEntry'> },
  caller: Caller,
  organisationId: string,
  serviceId: string,
): Promise<ServiceView> {
  if (!mayReadOrganisation(caller, organisationId))
    throw new Refusal('forbidden', 'forbidden', 'this key may only read services of its own organisation');
  const problems = [
    ...(organisationIdSchema.safeParse(organisationId).success ? [] : [{ path: 'organisationId', message: 'not a valid organisation id' }]),
    ...(slugSchema.safeParse(serviceId).success ? [] : [{ path: 'serviceId', message: 'not a valid service id' }]),
  ];
  if (problems.length > 0) throw new Refusal('invalid', 'invalid_path', 'the service path is not valid', problems);
  const [assessments, decisions, plan] = await Promise.all([
    deps.submissions.listServiceAssessments(organisationId, serviceId),
    deps.submissions.listServiceDecisions(organisationId, serviceId),
    deps.projections.latestPlannedEntry(organisationId, serviceId),
  ]);
  const view = serviceView({ organisationId, serviceId }, assessments, decisions, plan);
  if (!view)
    throw new Refusal('not_found', 'not_found', `service ${serviceId} of ${organisationId} is not known: it has no assessment and no plan`);
  return view;
}
