// Which services the feedback instrument accepts (design §2.1): a service is
// known when it has an assessment or a plan. The one place this rule lives.
import { organisationIdSchema, slugSchema } from '../domain/vocabulary.js';
import type { ServiceDirectory } from '../adapters/service-directory.js';

export interface KnownService {
  organisationId: string;
  serviceId: string;
  name: string;
}

export async function knownService(
  deps: { services: ServiceDirectory },
  organisationId: string,
  serviceId: string,
): Promise<KnownService | null> {
  if (!organisationIdSchema.safeParse(organisationId).success || !slugSchema.safeParse(serviceId).success) return null;
  const found =
    (await deps.services.assessedService(organisationId, serviceId)) ?? (await deps.services.plannedService(organisationId, serviceId));
  return found ? { organisationId, serviceId, name: found.name } : null;
}
