// The building blocks of the published v1 event schemas, frozen with them.
// They are copies of what the API accepted when v1 was published, on purpose:
// the live API schemas may change, a stored v1 event may not. Never edit
// these; a new event version gets building blocks of its own.
import * as z from 'zod';

export const V1_TARGET_GROUPS = ['burgers', 'ondernemers', 'verenigingen', 'lokale-besturen'] as const;

export const v1OrganisationId = z.string().regex(/^[A-Za-z0-9._-]{2,64}$/);
export const v1Slug = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/);
export const v1IsoDate = z.iso.date();
/** YYYY, YYYY-Qn or YYYY-MM, years 2000–2999 */
export const v1Period = z.string().regex(/^2\d{3}(?:-Q[1-4]|-(?:0[1-9]|1[0-2]))?$/);
