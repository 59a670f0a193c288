// AssessmentSubmitted: a provider's assessment as stored, the submission itself as accepted.
// Readers take any version through `upcastAssessment`, which gives the current shape.
import * as z from 'zod';
import { defineEvent } from './envelope.js';
import { V1_TARGET_GROUPS, v1IsoDate, v1OrganisationId, v1Slug } from './v1-vocabulary.js';
import { V2_TARGET_GROUPS, v2IsoDate, v2OrganisationId, v2Slug, v2Text } from './v2-vocabulary.js';

/** v1, published 2026-10 — frozen. */
export const AssessmentSubmittedV1 = defineEvent('AssessmentSubmitted', 1, () =>
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

/**
 * v2, published 2026-11 with the service lifecycle — frozen. Beside v1: a
 * `not_applicable` answer is explained too, a `no` may say by when it will be
 * met (`plannedBy`), the service may carry its go-live date, and measures are
 * the values of an operational-indicator catalog version (by indicator id),
 * so adding an indicator needs no new event version.
 */
export const AssessmentSubmittedV2 = defineEvent('AssessmentSubmitted', 2, () =>
  z.strictObject({
    assessmentId: z.string(),
    submittedAt: z.iso.datetime(),
    submission: z.strictObject({
      organisationId: v2OrganisationId,
      serviceId: v2Slug,
      phase: z.enum(['pre', 'post']),
      catalogVersion: z.string().max(16),
      assessedOn: v2IsoDate,
      service: z.strictObject({
        name: v2Text(200),
        targetGroups: z.array(z.enum(V2_TARGET_GROUPS)).min(1).max(4),
        budgetEur: z.number().nonnegative().max(1e12).optional(),
        expectedUsers: z.int().nonnegative().max(1e10).optional(),
        eloketten: z.array(v2Slug).max(20),
        goLiveOn: v2IsoDate.optional(),
      }),
      answers: z
        .array(
          z.strictObject({
            criterionId: z.string().max(16),
            answer: z.enum(['yes', 'no', 'not_applicable']),
            explanation: v2Text(2000).optional(),
            plannedBy: v2IsoDate.optional(),
          }),
        )
        .min(1)
        .max(200),
      indicatorCatalogVersion: z.string().max(16).optional(),
      measures: z.record(z.string().max(64), z.union([z.number(), z.boolean(), z.string().max(64)])).optional(),
    }),
  }),
);
export type AssessmentSubmittedV2 = z.infer<typeof AssessmentSubmittedV2.schema>;

/** The indicator catalog version that v1's seven fixed measures are. */
export const V1_INDICATOR_CATALOG = '2026-10';

/** Any stored version, in the current (v2) shape. A v1 assessment keeps its meaning: its n/a answers were not yet explained. */
export function upcastAssessment(event: AssessmentSubmittedV1 | AssessmentSubmittedV2): AssessmentSubmittedV2['payload'] {
  if (event.metadata.version === 2) return (event as AssessmentSubmittedV2).payload;
  const { submission, ...rest } = (event as AssessmentSubmittedV1).payload;
  const { measures, ...fields } = submission;
  const hasMeasures = measures !== undefined && Object.keys(measures).length > 0;
  return {
    ...rest,
    submission: {
      ...fields,
      service: { ...fields.service },
      ...(hasMeasures ? { indicatorCatalogVersion: V1_INDICATOR_CATALOG, measures: { ...measures } } : {}),
    },
  };
}
