// FeedbackReported: a provider's feedback aggregates for a period, pushed from
// its own tool. Per service and period the latest report that names the
// service replaces earlier ones. Comments are never in the event: each
// service's comments are one item of the comments table, written in the same
// transaction, and the event holds its id and how many there were.
import * as z from 'zod';
import { defineEvent } from './envelope.js';
import { v1OrganisationId, v1Period, v1Slug } from './v1-vocabulary.js';

const v1FeedbackCount = z.int().min(0).max(1_000_000_000);

/** v1, published 2026-11 — frozen. */
export const FeedbackReportedV1 = defineEvent('FeedbackReported', 1, () =>
  z.strictObject({
    reportId: z.string().min(1).max(64),
    /** per organisation and period, 1, 2, … */
    version: z.int().positive(),
    organisationId: v1OrganisationId,
    period: v1Period,
    submittedAt: z.iso.datetime(),
    services: z
      .array(
        z.strictObject({
          serviceId: v1Slug,
          responses: v1FeedbackCount,
          ratings: z.strictObject({
            '1': v1FeedbackCount,
            '2': v1FeedbackCount,
            '3': v1FeedbackCount,
            '4': v1FeedbackCount,
            '5': v1FeedbackCount,
          }),
          foundIt: z.strictObject({ yes: v1FeedbackCount, partly: v1FeedbackCount, no: v1FeedbackCount }).optional(),
          comments: z.int().min(0),
          commentRef: z.string().min(1).max(64).optional(),
        }),
      )
      .min(1),
  }),
);
export type FeedbackReportedV1 = z.infer<typeof FeedbackReportedV1.schema>;
