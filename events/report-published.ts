// ReportPublished: a period's reports are published; the files it wrote.
import * as z from 'zod';
import { defineEvent } from './envelope.js';
import { v1Period } from './v1-vocabulary.js';

/** v1, published 2026-10 — frozen. */
export const ReportPublishedV1 = defineEvent('ReportPublished', 1, () =>
  z.strictObject({
    reportId: z.string(),
    period: v1Period,
    asOf: z.iso.datetime().nullable(),
    codeVersion: z.string(),
    publicKeys: z.array(z.string()),
    committeeKeys: z.array(z.string()),
  }),
);
export type ReportPublishedV1 = z.infer<typeof ReportPublishedV1.schema>;
