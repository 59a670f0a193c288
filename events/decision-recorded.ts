// DecisionRecorded: the steering committee's decision on an assessment (seed
// §3.2.2: the assessment is put on the Stuurorgaan's agenda), on some or all of
// its unmet criteria.
import * as z from 'zod';
import { defineEvent } from './envelope.js';
import { v2IsoDate, v2OrganisationId, v2Slug, v2Text } from './v2-vocabulary.js';

/** v1, published 2026-11 — frozen. */
export const DecisionRecordedV1 = defineEvent('DecisionRecorded', 1, () =>
  z.strictObject({
    decisionId: z.string(),
    assessmentId: z.string(),
    organisationId: v2OrganisationId,
    serviceId: v2Slug,
    decision: z.enum(['accepted', 'derogation', 'action_required']),
    criteria: z.array(z.string().max(16)).min(1).max(200),
    until: v2IsoDate.optional(),
    note: v2Text(2000).optional(),
    decidedOn: v2IsoDate,
    recordedAt: z.iso.datetime(),
    /** the key that recorded it */
    decidedBy: z.string().max(64),
  }),
);
export type DecisionRecordedV1 = z.infer<typeof DecisionRecordedV1.schema>;
