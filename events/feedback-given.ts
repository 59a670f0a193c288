// FeedbackGiven: one response from the public form. It never carries the
// comment: only a reference to the comment item written in the same
// transaction (a separate table with a retention period; design §2.1).
import * as z from 'zod';
import { defineEvent } from './envelope.js';
import { v1IsoDate, v1OrganisationId, v1Slug } from './v1-vocabulary.js';

/** v1, published 2026-11 — frozen. */
export const FeedbackGivenV1 = defineEvent('FeedbackGiven', 1, () =>
  z.strictObject({
    responseId: z.string().min(1).max(64),
    organisationId: v1OrganisationId,
    serviceId: v1Slug,
    givenAt: z.iso.datetime(),
    /** the day in Europe/Brussels: it places the response in its periods */
    givenOn: v1IsoDate,
    rating: z.int().min(1).max(5),
    foundIt: z.enum(['yes', 'partly', 'no']).optional(),
    /** the id of the comment item, when the response had a comment */
    commentRef: z.string().min(1).max(64).optional(),
  }),
);
export type FeedbackGivenV1 = z.infer<typeof FeedbackGivenV1.schema>;
