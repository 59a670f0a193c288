// Building blocks of the event versions published with the service lifecycle
// (AssessmentSubmitted.v2, PlanSubmitted.v1, DecisionRecorded.v1), frozen with
// them. Never edit these; a later version gets building blocks of its own.
import * as z from 'zod';

export const V2_TARGET_GROUPS = ['burgers', 'ondernemers', 'verenigingen', 'lokale-besturen'] as const;

export const v2OrganisationId = z.string().regex(/^[A-Za-z0-9._-]{2,64}$/);
export const v2Slug = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/);
export const v2IsoDate = z.iso.date();
export const v2Text = (max: number) => z.string().min(1).max(max);
