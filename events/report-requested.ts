// ReportRequested: somebody asked for a period's reports (the API, the schedule or the CLI).
import * as z from 'zod';
import { defineEvent } from './envelope.js';
import { v1Period } from './v1-vocabulary.js';

/** v1, published 2026-10 — frozen. */
export const ReportRequestedV1 = defineEvent('ReportRequested', 1, () =>
  z.strictObject({
    reportId: z.string(),
    period: v1Period,
    requestedBy: z.enum(['api', 'schedule', 'cli']),
  }),
);
export type ReportRequestedV1 = z.infer<typeof ReportRequestedV1.schema>;
