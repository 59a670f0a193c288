// A service's latest pre and post and its history, read straight from the
// stored submissions (a consistent read) so a provider sees its assessment at once.
import { mayReadOrganisation, type Caller } from '../domain/access.js';
import { projectService, serviceView, type ServiceView } from '../domain/service-view.js';
import { organisationIdSchema, slugSchema } from '../domain/vocabulary.js';
import type { SubmissionStore } from '../adapters/submission-store.js';
import { Refusal } from './refusal.js';

export async function readService(
  deps: { submissions: SubmissionStore },
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
  const projection = projectService(await deps.submissions.listServiceAssessments(organisationId, serviceId));
  if (!projection) throw new Refusal('not_found', 'not_found', `no assessment of service ${serviceId} of ${organisationId} is known`);
  return serviceView(projection);
}
