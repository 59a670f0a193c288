// ServiceCountsReported: an e-loket's report for a period; a higher version replaces a lower one whole.
import * as z from 'zod';
import { defineEvent } from './envelope.js';
import { V1_TARGET_GROUPS, v1OrganisationId, v1Period, v1Slug } from './v1-vocabulary.js';

const v1Volume = z.int().min(0).max(1e12);

/** v1, published 2026-10 — frozen. */
export const ServiceCountsReportedV1 = defineEvent('ServiceCountsReported', 1, () =>
  z.strictObject({
    reportId: z.string(),
    version: z.int().positive(),
    eloket: v1Slug,
    period: v1Period,
    submittedAt: z.iso.datetime(),
    counts: z.array(
      z.strictObject({
        organisationId: v1OrganisationId,
        targetGroup: z.enum(V1_TARGET_GROUPS),
        servicesOffered: z.int().min(0).max(1_000_000),
        volumes: z
          .strictObject({ click: v1Volume.optional(), call: v1Volume.optional(), connect: v1Volume.optional(), other: v1Volume.optional() })
          .optional(),
      }),
    ),
  }),
);
export type ServiceCountsReportedV1 = z.infer<typeof ServiceCountsReportedV1.schema>;
