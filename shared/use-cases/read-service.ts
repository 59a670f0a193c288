// A service as its owner or the committee reads it now: its assessments and
// the committee's decisions read straight from the stored submissions (a
// consistent read, so a provider sees its assessment at once), its entry in
// the latest yearly plan, and how it compares with its peers as of today (the
// other services' values from the projection rows, design §2.1).
import { mayReadOrganisation, type Caller } from '../domain/access.js';
import { servicePeers, type ServicePeers } from '../domain/operational/service-peers.js';
import { ValuesAsOf } from '../domain/operational/values.js';
import { serviceView, type ServiceView } from '../domain/service-view.js';
import { organisationIdSchema, slugSchema } from '../domain/vocabulary.js';
import type { IndicatorCatalogs } from '../adapters/indicator-catalog-store.js';
import type { OrganisationRegistry } from '../adapters/organisation-registry.js';
import type { ProjectionStore } from '../adapters/projection-store.js';
import type { SubmissionStore } from '../adapters/submission-store.js';
import { Refusal } from './refusal.js';

export interface ReadServiceDeps {
  submissions: SubmissionStore;
  projections: Pick<ProjectionStore, 'latestPlannedEntry' | 'assessmentRows'>;
  organisations: Pick<OrganisationRegistry, 'list'>;
  indicatorCatalogs: IndicatorCatalogs;
  today: () => string;
}

/** Every service's indicator values as of the day, from the projection rows. */
async function valuesAsOf(projections: Pick<ProjectionStore, 'assessmentRows'>, today: string) {
  const selection = new ValuesAsOf(today);
  for await (const row of projections.assessmentRows()) selection.addAssessment(row);
  return selection.result();
}

export async function readService(
  deps: ReadServiceDeps,
  caller: Caller,
  organisationId: string,
  serviceId: string,
): Promise<ServiceView & ServicePeers> {
  if (!mayReadOrganisation(caller, organisationId))
    throw new Refusal('forbidden', 'forbidden', 'this key may only read services of its own organisation');
  const problems = [
    ...(organisationIdSchema.safeParse(organisationId).success ? [] : [{ path: 'organisationId', message: 'not a valid organisation id' }]),
    ...(slugSchema.safeParse(serviceId).success ? [] : [{ path: 'serviceId', message: 'not a valid service id' }]),
  ];
  if (problems.length > 0) throw new Refusal('invalid', 'invalid_path', 'the service path is not valid', problems);
  const today = deps.today();
  const [assessments, decisions, plan] = await Promise.all([
    deps.submissions.listServiceAssessments(organisationId, serviceId),
    deps.submissions.listServiceDecisions(organisationId, serviceId),
    deps.projections.latestPlannedEntry(organisationId, serviceId),
  ]);
  const view = serviceView({ organisationId, serviceId }, assessments, decisions, plan);
  if (!view)
    throw new Refusal('not_found', 'not_found', `service ${serviceId} of ${organisationId} is not known: it has no assessment and no plan`);
  const [others, organisations, catalogs] = await Promise.all([
    valuesAsOf(deps.projections, today),
    deps.organisations.list(),
    deps.indicatorCatalogs.all(),
  ]);
  const peers = servicePeers({
    id: { organisationId, serviceId },
    stored: assessments,
    ...(plan ? { plannedTargetGroups: plan.targetGroups } : {}),
    others,
    organisations: new Map(organisations.map((o) => [o.organisationId, o])),
    catalogs,
    today,
  });
  return { ...view, ...peers };
}
