import { z } from 'zod';
import { periodSchema } from '../shared/domain/periods.js';
import { countRowSchema } from '../shared/domain/service-counts.js';
import { slugSchema } from '../shared/domain/vocabulary.js';
import { defineEvent } from './envelope.js';

/** An e-loket's report for a period; a higher version replaces a lower one whole. */
export const ServiceCountsReportedV1 = defineEvent(
  'ServiceCountsReported',
  1,
  z.strictObject({
    reportId: z.string(),
    version: z.int().positive(),
    eloket: slugSchema,
    period: periodSchema,
    submittedAt: z.iso.datetime(),
    counts: z.array(countRowSchema),
  }),
);
export type ServiceCountsReportedV1 = z.infer<typeof ServiceCountsReportedV1.schema>;
