// Organisations as operators register them (design §2): name, kind and policy
// domain. Data from an organisation not yet registered is reported under its id.
import * as z from 'zod';
import { text } from './text.js';
import { organisationIdSchema } from './vocabulary.js';

export const ORGANISATION_KINDS = ['department', 'agency', 'local-government', 'other'] as const;

export const organisationSchema = z.strictObject({
  organisationId: organisationIdSchema,
  name: text({ min: 1, max: 200 }),
  kind: z.enum(ORGANISATION_KINDS),
  policyDomain: text({ min: 1, max: 100 }),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const UNKNOWN_DOMAIN = 'Onbekend beleidsdomein';

export function describeOrganisation(id: string, registry: ReadonlyMap<string, Organisation>): { name: string; policyDomain: string } {
  const o = registry.get(id);
  return o ? { name: o.name, policyDomain: o.policyDomain } : { name: id, policyDomain: UNKNOWN_DOMAIN };
}
