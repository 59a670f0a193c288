import { z } from 'zod';
import { periodSchema } from '../shared/domain/periods.js';
import { defineEvent } from './envelope.js';

export const ReportPublishedV1 = defineEvent(
  'ReportPublished',
  1,
  z.strictObject({
    reportId: z.string(),
    period: periodSchema,
    asOf: z.iso.datetime().nullable(),
    codeVersion: z.string(),
    publicKeys: z.array(z.string()),
    committeeKeys: z.array(z.string()),
  }),
);
export type ReportPublishedV1 = z.infer<typeof ReportPublishedV1.schema>;
