// PlanSubmitted: a provider's yearly plan (seed §3.2) of new and reworked
// digital services; a higher version for the same organisation and year replaces a lower one whole.
import * as z from 'zod';
import { defineEvent } from './envelope.js';
import { V2_TARGET_GROUPS, v2IsoDate, v2OrganisationId, v2Slug, v2Text } from './v2-vocabulary.js';

/** v1, published 2026-11 — frozen. */
export const PlanSubmittedV1 = defineEvent('PlanSubmitted', 1, () =>
  z.strictObject({
    planId: z.string(),
    version: z.int().positive(),
    organisationId: v2OrganisationId,
    year: z.int().min(2000).max(2999),
    submittedAt: z.iso.datetime(),
    services: z
      .array(
        z.strictObject({
          serviceId: v2Slug,
          kind: z.enum(['new', 'rework']),
          name: v2Text(200),
          targetGroups: z.array(z.enum(V2_TARGET_GROUPS)).min(1).max(4),
          budgetEur: z.number().nonnegative().max(1e12).optional(),
          expectedUsers: z.int().nonnegative().max(1e10).optional(),
          startsOn: v2IsoDate,
          goLiveOn: v2IsoDate.optional(),
        }),
      )
      .max(500),
  }),
);
export type PlanSubmittedV1 = z.infer<typeof PlanSubmittedV1.schema>;
