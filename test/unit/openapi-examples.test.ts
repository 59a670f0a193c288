// Issue 14 point 6: the OpenAPI request bodies say what each field is and
// carry an example, and every example is a body the API accepts.
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../shared/adapters/openapi.js';
import { validateAssessment } from '../../shared/domain/assessment.js';
import { EXAMPLE_ASSESSMENT, EXAMPLE_DECISION, EXAMPLE_PLAN, EXAMPLE_SERVICE_COUNTS } from '../../shared/domain/examples.js';
import { decisionRequestSchema } from '../../shared/domain/lifecycle/decision.js';
import { validatePlan } from '../../shared/domain/lifecycle/plan.js';
import { reportRequestSchema } from '../../shared/domain/report-request.js';
import { validateServiceCounts } from '../../shared/domain/service-counts.js';
import { CATALOG } from '../support/fixtures.js';

interface JsonSchema {
  description?: string;
  examples?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

const schemas = (openApiDocument('test') as unknown as { components: { schemas: Record<string, JsonSchema> } }).components.schemas;
const BODIES = ['AssessmentSubmission', 'ServiceCounts', 'Plan', 'Decision', 'ReportRequest'];

/** The fields of a schema, nested objects and array items included, with their paths. */
function fields(s: JsonSchema, path: string): Array<[string, JsonSchema]> {
  const out: Array<[string, JsonSchema]> = [];
  for (const [name, f] of Object.entries(s.properties ?? {})) {
    out.push([`${path}.${name}`, f]);
    out.push(...fields(f, `${path}.${name}`));
    if (f.items) out.push(...fields(f.items, `${path}.${name}[]`));
  }
  return out;
}

describe('the OpenAPI request bodies', () => {
  it('each say what they are and carry an example', () => {
    for (const name of BODIES) {
      expect(schemas[name]?.description?.length, name).toBeGreaterThan(20);
      expect(schemas[name]?.examples, name).toHaveLength(1);
    }
  });

  it('describe every field of an assessment, the date fields naming YYYY-MM-DD', () => {
    const all = fields(schemas.AssessmentSubmission!, 'assessment');
    const undescribed = all.filter(([, f]) => !f.description).map(([p]) => p);
    expect(undescribed).toEqual([]);
    for (const p of ['assessment.assessedOn', 'assessment.service.goLiveOn', 'assessment.answers[].plannedBy']) {
      expect(all.find(([q]) => q === p)?.[1].description, p).toContain('YYYY-MM-DD');
    }
  });

  it('show examples the API accepts', () => {
    expect(schemas.AssessmentSubmission!.examples![0]).toEqual(EXAMPLE_ASSESSMENT);
    expect(validateAssessment(EXAMPLE_ASSESSMENT, { today: '2026-11-26' })).toMatchObject({ ok: true });
    expect(validateServiceCounts(EXAMPLE_SERVICE_COUNTS, () => true)).toMatchObject({ ok: true });
    expect(validatePlan(EXAMPLE_PLAN, { today: '2026-11-26' })).toMatchObject({ ok: true });
    expect(decisionRequestSchema.safeParse(EXAMPLE_DECISION).success).toBe(true);
    expect(reportRequestSchema.safeParse(schemas.ReportRequest!.examples![0]).success).toBe(true);
  });

  it('show a complete assessment: every criterion answered once, with an explained no and an explained n/a', () => {
    expect(EXAMPLE_ASSESSMENT.answers.map((a) => a.criterionId)).toEqual(CATALOG.criteria.map((c) => c.id));
    expect(EXAMPLE_ASSESSMENT.answers.filter((a) => a.answer !== 'yes').map((a) => a.answer)).toEqual(['no', 'not_applicable']);
  });
});
