import { z } from 'zod';
import { periodSchema } from '../shared/domain/periods.js';
import { defineEvent } from './envelope.js';

export const ReportRequestedV1 = defineEvent(
  'ReportRequested',
  1,
  z.strictObject({
    reportId: z.string(),
    period: periodSchema,
    requestedBy: z.enum(['api', 'schedule', 'cli']),
  }),
);
export type ReportRequestedV1 = z.infer<typeof ReportRequestedV1.schema>;
