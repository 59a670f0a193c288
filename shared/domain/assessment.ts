// The assessment (aftoetsing) a service provider submits, and every rule it must
// meet: each criterion of its catalog version answered exactly once, every `no`
// explained (comply or explain, seed §3.2), every `not_applicable` explained
// too (so n/a cannot dodge a criterion), and nothing dated after today.
import * as z from 'zod';
import { catalogFor } from './catalog.js';
import { EXAMPLE_ASSESSMENT } from './examples.js';
import { oversizedArrays } from './body-limits.js';
import { zodProblems, type Problem } from './problems.js';
import { allCatalogs, type IndicatorCatalog } from './operational/catalogs.js';
import { checkMeasures, MAX_MEASURES } from './operational/measures.js';
import { text } from './text.js';
import { isoDateSchema, organisationIdSchema, slugSchema, TARGET_GROUPS } from './vocabulary.js';

export const MAX_EXPLANATION = 2000;
export const MAX_ANSWERS = 200;
const MAX_ELOKETTEN = 20;

export const answerSchema = z
  .strictObject({
    criterionId: text({ max: 16, trim: false }).meta({
      description: 'A criterion of the catalog version (GET /v1/criteria): <principle>-<perspective><n>.',
      examples: ['SD-G1'],
    }),
    answer: z.enum(['yes', 'no', 'not_applicable']).meta({ description: 'Whether the service meets the criterion.' }),
    explanation: text({ min: 1, max: MAX_EXPLANATION, lines: 'multi' })
      .meta({
        description: 'Required for `no` (comply or explain: why it is not met) and for `not_applicable` (why it does not apply).',
        examples: ['Papieren aanvraag blijft nodig tot 2027.'],
      })
      .optional(),
    /** for a `no`: the date by which the criterion will be met */
    plannedBy: isoDateSchema
      .meta({ description: 'Optional, for `no` only: the date by which it will be met, YYYY-MM-DD.', examples: ['2027-06-30'] })
      .optional(),
  })
  .meta({ description: 'The answer to one criterion.', examples: [{ criterionId: 'SD-G1', answer: 'yes' }] });

/**
 * The operational indicators of actions 13 and 16 (seed §5.1.6, §5.2): values by
 * indicator id, each checked against the indicator catalog version the
 * assessment names (`indicatorCatalogVersion`, by default the one in force
 * today; see operational/measures.ts). GET /v1/indicator-catalog lists them.
 */
export const measuresSchema = z
  .record(z.string().max(64), z.union([z.number(), z.boolean(), z.string().max(64)]))
  .refine((m) => Object.keys(m).length <= MAX_MEASURES, `at most ${MAX_MEASURES} measures`)
  .meta({
    description:
      'Optional: the operational indicators of actions 13 and 16, by indicator id (GET /v1/indicator-catalog), to compare services with their peers.',
    examples: [{ processSteps: 7, notifications: true, plainLanguageLevel: 'B1', mobileUsable: true, wcagLevel: 'AA' }],
  });

export const serviceDescriptionSchema = z
  .strictObject({
    name: text({ min: 1, max: 200 }).meta({
      description: 'The name users know the service by.',
      examples: ['Omgevingsvergunning aanvragen'],
    }),
    targetGroups: z
      .array(z.enum(TARGET_GROUPS))
      .min(1)
      .max(TARGET_GROUPS.length)
      .meta({ description: 'Who the service is for.', examples: [['burgers', 'ondernemers']] }),
    budgetEur: z
      .number()
      .nonnegative()
      .max(1e12)
      .meta({ description: 'Budget in euro. Over 500,000 (or over 100,000 users) makes the service significant.', examples: [750000] })
      .optional(),
    expectedUsers: z
      .int()
      .nonnegative()
      .max(1e10)
      .meta({ description: 'Expected number of users.', examples: [90000] })
      .optional(),
    eloketten: z
      .array(slugSchema)
      .max(MAX_ELOKETTEN)
      .meta({ description: 'The e-loketten the service is offered through (default: none).', examples: [['mijn-burgerprofiel']] })
      .default([]),
    /** the day the service went or goes live, for services without a yearly plan */
    goLiveOn: isoDateSchema
      .meta({
        description:
          'Optional: the day the service went or goes live, YYYY-MM-DD (for a service without a yearly plan: a post is owed 90 days later).',
        examples: ['2027-09-01'],
      })
      .optional(),
  })
  .meta({ description: 'The service as it is now: its name, who it is for, its size.' });

export const assessmentSubmissionSchema = z
  .strictObject({
    organisationId: organisationIdSchema.meta({
      description: "The provider's organisation: its OVO number, or another registry's id. Must be the organisation of the key.",
      examples: ['OVO000123'],
    }),
    serviceId: slugSchema.meta({
      description: 'The service, unique within the organisation: lowercase letters, digits and -.',
      examples: ['omgevingsvergunning'],
    }),
    phase: z.enum(['pre', 'post']).meta({ description: '`pre` before the service is (re)built (a forecast), `post` after (a result).' }),
    catalogVersion: text({ max: 16, trim: false }).meta({
      description: 'The version of the criteria catalog answered (GET /v1/criteria).',
      examples: ['2022-07'],
    }),
    assessedOn: isoDateSchema.meta({
      description: 'The day the assessment was made, YYYY-MM-DD; not after today.',
      examples: ['2026-10-01'],
    }),
    service: serviceDescriptionSchema,
    answers: z
      .array(answerSchema)
      .min(1)
      .max(MAX_ANSWERS)
      .meta({ description: 'One answer for every criterion of the catalog version, each exactly once (52 for 2022-07).' }),
    indicatorCatalogVersion: text({ max: 16, trim: false })
      .meta({
        description:
          'The version of the operational-indicator catalog the measures belong to (GET /v1/indicator-catalog); default: the one in force today.',
        examples: ['2026-10'],
      })
      .optional(),
    measures: measuresSchema.optional(),
  })
  .meta({
    description:
      "A provider's self-assessment (aftoetsing) of a digital service against every criterion of the catalog: comply or explain.",
    examples: [EXAMPLE_ASSESSMENT],
  });

export type AssessmentSubmission = z.infer<typeof assessmentSubmissionSchema>;
export type Phase = AssessmentSubmission['phase'];

/** Catalog rules, checked on whatever parts of the body have the right shape. */
function catalogProblems(body: unknown): Problem[] {
  if (typeof body !== 'object' || body === null) return [];
  const { catalogVersion, answers } = body as { catalogVersion?: unknown; answers?: unknown };
  if (typeof catalogVersion !== 'string') return [];
  const catalog = catalogFor(catalogVersion);
  if (!catalog) return [{ path: 'catalogVersion', message: `unknown catalog version "${catalogVersion}"` }];
  if (!Array.isArray(answers)) return [];
  const known = new Set(catalog.criteria.map((c) => c.id));
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  answers.forEach((a: unknown, i) => {
    if (typeof a !== 'object' || a === null) return;
    const { criterionId, answer, explanation } = a as Record<string, unknown>;
    if (typeof criterionId !== 'string') return;
    if (!known.has(criterionId)) {
      problems.push({ path: `answers[${i}].criterionId`, message: `unknown criterion ${criterionId} in catalog ${catalogVersion}` });
    } else if (seen.has(criterionId)) {
      problems.push({
        path: `answers[${i}].criterionId`,
        message: `criterion ${criterionId} is answered more than once (first at answers[${seen.get(criterionId)}])`,
      });
    } else seen.set(criterionId, i);
    const explained = typeof explanation === 'string' && explanation.trim() !== '';
    if (answer === 'no' && !explained) {
      problems.push({ path: `answers[${i}].explanation`, message: `criterion ${criterionId} is not met: explain why (comply or explain)` });
    }
    if (answer === 'not_applicable' && !explained) {
      problems.push({
        path: `answers[${i}].explanation`,
        message: `criterion ${criterionId} is marked not applicable: explain why it does not apply`,
      });
    }
    if ((a as { plannedBy?: unknown }).plannedBy !== undefined && answer !== 'no') {
      problems.push({ path: `answers[${i}].plannedBy`, message: `plannedBy belongs to an unmet criterion (answer "no") only` });
    }
  });
  for (const c of catalog.criteria) {
    if (!seen.has(c.id)) problems.push({ path: 'answers', message: `criterion ${c.id} is not answered` });
  }
  return problems;
}

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Dates that may not lie after today: an assessment is made, not planned. */
function dateProblems(body: unknown, today: string): Problem[] {
  const assessedOn = (body as { assessedOn?: unknown } | null)?.assessedOn;
  if (typeof assessedOn === 'string' && isoDateSchema.safeParse(assessedOn).success && assessedOn > today) {
    return [
      { path: 'assessedOn', message: `${assessedOn} is after today (${today}): an assessment is dated the day it was made, as YYYY-MM-DD` },
    ];
  }
  return [];
}

/** The arrays of an assessment, checked for length before any element is read. */
const ARRAY_LIMITS = [
  ['answers', MAX_ANSWERS],
  ['service.targetGroups', TARGET_GROUPS.length],
  ['service.eloketten', MAX_ELOKETTEN],
] as const;

/**
 * The whole contract of an assessment. Measures are checked against the
 * indicator catalogs given (by default only the first version, which is part
 * of the code); a valid assessment with measures names its version.
 */
export function validateAssessment(
  body: unknown,
  context: { today: string; indicatorCatalogs?: readonly IndicatorCatalog[] },
): Validation<AssessmentSubmission> {
  const oversized = oversizedArrays(body, ARRAY_LIMITS);
  if (oversized.length > 0) return { ok: false, problems: oversized };
  const parsed = assessmentSubmissionSchema.safeParse(body);
  const measures = checkMeasures(body, { today: context.today, indicatorCatalogs: context.indicatorCatalogs ?? allCatalogs() });
  const problems = [
    ...(parsed.success ? [] : zodProblems(parsed.error)),
    ...catalogProblems(body),
    ...measures.problems,
    ...dateProblems(body, context.today),
  ];
  const unique = dedupe(problems);
  if (unique.length > 0 || !parsed.success) return { ok: false, problems: unique };
  const value = parsed.data;
  const named = value.indicatorCatalogVersion !== undefined || Object.keys(value.measures ?? {}).length > 0;
  return { ok: true, value: named ? { ...value, indicatorCatalogVersion: measures.version! } : value };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.path}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
