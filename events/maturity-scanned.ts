// MaturityScanned: an organisation's maturity self-scan for a year; a later
// scan for the same year replaces it.
import * as z from 'zod';
import { defineEvent } from './envelope.js';
import { v1OrganisationId, v1Slug } from './v1-vocabulary.js';

const v1MaturityLevel = z.enum(['initiatie', 'basis', 'ontwikkeling', 'integratie', 'transformatie']);

/** v1, published 2026-11 — frozen. */
export const MaturityScannedV1 = defineEvent('MaturityScanned', 1, () =>
  z.strictObject({
    scanId: z.string().min(1).max(64),
    organisationId: v1OrganisationId,
    year: z.int().min(2000).max(2999),
    submittedAt: z.iso.datetime(),
    themes: z.record(v1Slug, z.strictObject({ current: v1MaturityLevel, ambition: v1MaturityLevel })),
  }),
);
export type MaturityScannedV1 = z.infer<typeof MaturityScannedV1.schema>;
