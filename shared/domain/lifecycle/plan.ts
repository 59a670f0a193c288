// The yearly plan (seed §3.2: providers report yearly on the new digital
// services they plan and the existing ones they will rework thoroughly): per
// organisation and year, each planned service with its kind, name, target
// groups, budget, audience, start and go-live dates. A new plan for the same
// organisation and year replaces the earlier one (a correction).
import * as z from 'zod';
import { EXAMPLE_PLAN } from '../examples.js';
import { zodProblems, type Problem } from '../problems.js';
import { text } from '../text.js';
import { isoDateSchema, organisationIdSchema, slugSchema, TARGET_GROUPS } from '../vocabulary.js';

export const MAX_PLANNED_SERVICES = 500;

export const plannedServiceSchema = z
  .strictObject({
    serviceId: slugSchema.meta({ description: 'The service, unique within the organisation.', examples: ['omgevingsvergunning'] }),
    kind: z.enum(['new', 'rework']).meta({ description: '`new` for a new service, `rework` for an existing one reworked thoroughly.' }),
    name: text({ min: 1, max: 200 }).meta({ examples: ['Omgevingsvergunning aanvragen'] }),
    targetGroups: z.array(z.enum(TARGET_GROUPS)).min(1).max(TARGET_GROUPS.length),
    budgetEur: z
      .number()
      .nonnegative()
      .max(1e12)
      .meta({ description: 'Budget in euro.', examples: [750000] })
      .optional(),
    expectedUsers: z
      .int()
      .nonnegative()
      .max(1e10)
      .meta({ description: 'Expected number of users.', examples: [90000] })
      .optional(),
    startsOn: isoDateSchema.meta({
      description: 'The day the work starts, YYYY-MM-DD: a significant service owes its pre assessment from then.',
      examples: ['2027-01-15'],
    }),
    goLiveOn: isoDateSchema
      .meta({
        description: 'Optional: the day it goes live, YYYY-MM-DD: a post assessment is owed 90 days later.',
        examples: ['2027-09-01'],
      })
      .optional(),
  })
  .meta({ description: 'A service the organisation plans to build or rework.' });
export type PlannedService = z.infer<typeof plannedServiceSchema>;

export const planSchema = z
  .strictObject({
    organisationId: organisationIdSchema.meta({ description: 'The organisation of the key.', examples: ['OVO000123'] }),
    year: z
      .int()
      .min(2000)
      .max(2999)
      .meta({ description: 'This year or the next.', examples: [2027] }),
    services: z.array(plannedServiceSchema).max(MAX_PLANNED_SERVICES),
  })
  .meta({
    description: "A provider's yearly plan of new and reworked digital services. A new plan for the same year replaces it.",
    examples: [EXAMPLE_PLAN],
  });
export type PlanSubmission = z.infer<typeof planSchema>;

export type PlanValidation = { ok: true; value: PlanSubmission } | { ok: false; problems: Problem[] };

/** Every problem of a plan at once: its shape, a service planned twice, a go-live before the start, a year too far ahead. */
export function validatePlan(body: unknown, context: { today: string }): PlanValidation {
  const parsed = planSchema.safeParse(body);
  const problems = parsed.success ? [] : zodProblems(parsed.error);
  const { year, services } = (body ?? {}) as { year?: unknown; services?: unknown };
  const thisYear = Number(context.today.slice(0, 4));
  if (typeof year === 'number' && Number.isInteger(year) && year > thisYear + 1) {
    problems.push({ path: 'year', message: `${year} is more than a year ahead; a plan covers this year (${thisYear}) or the next` });
  }
  if (Array.isArray(services)) {
    const first = new Map<string, number>();
    services.forEach((s: unknown, i) => {
      const { serviceId, startsOn, goLiveOn } = (s ?? {}) as Record<string, unknown>;
      if (typeof serviceId === 'string') {
        const at = first.get(serviceId);
        if (at !== undefined)
          problems.push({ path: `services[${i}].serviceId`, message: `${serviceId} is already planned at services[${at}]` });
        else first.set(serviceId, i);
      }
      if (
        typeof startsOn === 'string' &&
        typeof goLiveOn === 'string' &&
        isoDateSchema.safeParse(goLiveOn).success &&
        goLiveOn < startsOn
      ) {
        problems.push({ path: `services[${i}].goLiveOn`, message: `goes live (${goLiveOn}) before the work starts (${startsOn})` });
      }
    });
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, value: parsed.data };
}
