import * as z from 'zod';

export const TARGET_GROUPS = ['burgers', 'ondernemers', 'verenigingen', 'lokale-besturen'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const MAIN_ELOKETTEN = ['mijn-burgerprofiel', 'e-loket-ondernemers', 'verenigingsloket', 'loket-lokale-besturen'] as const;

export const ROLES = ['service-provider', 'eloket-operator', 'steering-committee', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const organisationIdSchema = z.string().regex(/^[A-Za-z0-9._-]{2,64}$/, '2–64 letters, digits, ".", "_" or "-"');

export const slugSchema = z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, 'lowercase letters, digits and "-", at most 64');

export const isoDateSchema = z.iso.date({ message: 'a date as YYYY-MM-DD' });
