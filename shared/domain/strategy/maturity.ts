// The maturity self-scan (seed 001: the digital transformation model): per
// organisation and year, for each theme of a configurable list, the current
// level and the ambition level, from initiatie to transformatie. Ambition is
// never below the current level.
import * as z from 'zod';
import { zodProblems, type Problem } from '../problems.js';
import { organisationIdSchema, slugSchema } from '../vocabulary.js';
import type { Checked } from '../checked.js';

export const MATURITY_LEVELS = ['initiatie', 'basis', 'ontwikkeling', 'integratie', 'transformatie'] as const;
export type MaturityLevel = (typeof MATURITY_LEVELS)[number];

/** A theme an operator registers (npm run dds -- maturity themes import). */
export const maturityThemeSchema = z.strictObject({
  themeId: slugSchema,
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(1000).optional(),
});
export type MaturityTheme = z.infer<typeof maturityThemeSchema>;

const level = z.enum(MATURITY_LEVELS);

export const maturityScanSchema = z.strictObject({
  organisationId: organisationIdSchema,
  year: z.int().min(2000).max(2999),
  themes: z.record(slugSchema, z.strictObject({ current: level, ambition: level })),
});
export type MaturityScan = z.infer<typeof maturityScanSchema>;

/** Checks a scan against the registered themes and the current year. */
export function checkMaturityScan(body: unknown, registered: ReadonlySet<string>, currentYear: number): Checked<MaturityScan> {
  const parsed = maturityScanSchema.safeParse(body);
  const problems: Problem[] = parsed.success ? [] : zodProblems(parsed.error);
  const b = (body ?? {}) as { year?: unknown; themes?: unknown };
  if (typeof b.year === 'number' && Number.isInteger(b.year) && b.year > currentYear)
    problems.push({ path: 'year', message: `${b.year} has not begun yet` });
  if (b.themes && typeof b.themes === 'object' && !Array.isArray(b.themes)) {
    const entries = Object.entries(b.themes as Record<string, unknown>);
    if (entries.length === 0) problems.push({ path: 'themes', message: 'give at least one theme' });
    const known = [...registered].sort().join(', ');
    for (const [theme, value] of entries) {
      if (!registered.has(theme))
        problems.push({
          path: `themes.${theme}`,
          message: registered.size === 0 ? 'no themes are registered yet' : `unknown theme; the registered themes are ${known}`,
        });
      const v = (value ?? {}) as { current?: unknown; ambition?: unknown };
      const c = MATURITY_LEVELS.indexOf(v.current as MaturityLevel);
      const a = MATURITY_LEVELS.indexOf(v.ambition as MaturityLevel);
      if (c >= 0 && a >= 0 && a < c)
        problems.push({
          path: `themes.${theme}.ambition`,
          message: `the ambition (${String(v.ambition)}) is below the current level (${String(v.current)})`,
        });
    }
  }
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, value: parsed.data };
}
