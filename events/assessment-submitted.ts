// AssessmentSubmitted: a provider's assessment as stored, the submission itself as accepted.
import { z } from 'zod';
import { defineEvent } from './envelope.js';
import { V1_TARGET_GROUPS, v1IsoDate, v1OrganisationId, v1Slug } from './v1-vocabulary.js';

/** v1, published 2026-10 — frozen. */
export const AssessmentSubmittedV1 = defineEvent(
  'AssessmentSubmitted',
  1,
  z.strictObject({
    assessmentId: z.string(),
    submittedAt: z.iso.datetime(),
    submission: z.strictObject({
      organisationId: v1OrganisationId,
      serviceId: v1Slug,
      phase: z.enum(['pre', 'post']),
      catalogVersion: z.string().max(16),
      assessedOn: v1IsoDate,
      service: z.strictObject({
        name: z.string().trim().min(1).max(200),
        targetGroups: z.array(z.enum(V1_TARGET_GROUPS)).min(1).max(4),
        budgetEur: z.number().nonnegative().max(1e12).optional(),
        expectedUsers: z.int().nonnegative().max(1e10).optional(),
        eloketten: z.array(v1Slug).max(20).default([]),
      }),
      answers: z
        .array(
          z.strictObject({
            criterionId: z.string().max(16),
            answer: z.enum(['yes', 'no', 'not_applicable']),
            explanation: z.string().trim().min(1).max(2000).optional(),
          }),
        )
        .min(1)
        .max(200),
      measures: z
        .strictObject({
          processSteps: z.int().min(1).max(1000).optional(),
          notifications: z.boolean().optional(),
          plainLanguageLevel: z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']).optional(),
          mobileUsable: z.boolean().optional(),
          singleSignOn: z.boolean().optional(),
          feedbackOption: z.boolean().optional(),
          wcagLevel: z.enum(['none', 'A', 'AA', 'AAA']).optional(),
        })
        .optional(),
    }),
  }),
);
export type AssessmentSubmittedV1 = z.infer<typeof AssessmentSubmittedV1.schema>;
