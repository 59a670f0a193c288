// OpenAPI 3.1, derived: the paths, methods and security come from the
// topology's routes (so a route cannot be served and not documented, or the
// reverse), the bodies from the same zod schemas that validate requests.
import { z } from 'zod';
import { functionSpecs, type Route } from '../../infra/topology.js';
import { assessmentSubmissionSchema } from '../domain/assessment.js';
import { decisionRequestSchema } from '../domain/lifecycle/decision.js';
import { planSchema } from '../domain/lifecycle/plan.js';
import { feedbackComponentSchemas, FEEDBACK_OPERATIONS } from './openapi-feedback.js';
import { reportRequestSchema } from '../domain/report-request.js';
import { serviceCountsSchema } from '../domain/service-counts.js';

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
});

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', target: 'draft-2020-12' });

interface Operation {
  summary: string;
  /** a component schema name for the JSON body */
  body?: string;
  idempotent?: boolean;
  parameters?: Array<Record<string, unknown>>;
  /** success codes with their description */
  success: Record<string, string>;
  /** error codes beyond the guard's own (401, 403, 429) */
  errors?: number[];
}

/** What each route does, by its route key; every route of the topology has one (test/unit/openapi.test.ts). */
export const OPERATIONS: Record<string, Operation> = {
  'POST /v1/assessments': {
    summary: 'Submit an assessment of a digital service',
    body: 'AssessmentSubmission',
    idempotent: true,
    success: { '201': 'stored', '200': 'replay of an earlier request' },
    errors: [400, 413, 415, 422],
  },
  'POST /v1/service-counts': {
    summary: "An e-loket's report of services offered (and volumes per channel) for a period; a new report for the same period replaces it",
    body: 'ServiceCounts',
    idempotent: true,
    success: { '201': 'stored as a new version', '200': 'replay of an earlier request' },
    errors: [400, 413, 415, 422],
  },
  'POST /v1/plans': {
    summary: "A provider's yearly plan of new and reworked digital services; a new plan for the same year replaces it",
    body: 'Plan',
    idempotent: true,
    success: { '201': 'stored as a new version', '200': 'replay of an earlier request' },
    errors: [400, 413, 415, 422],
  },
  'POST /v1/decisions': {
    summary: "The steering committee's decision on an assessment: accepted, a derogation until a date, or action required",
    body: 'Decision',
    success: { '201': 'recorded' },
    errors: [400, 404, 415, 422],
  },
  'GET /v1/indicators': {
    summary: 'The indicator overview of a period (committee)',
    parameters: [
      { name: 'period', in: 'query', required: true, schema: { type: 'string', pattern: '^\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$' } },
    ],
    success: { '200': 'the overview' },
    errors: [422],
  },
  'GET /v1/services/{organisationId}/{serviceId}': {
    summary: "A service's latest pre and post assessment and its history",
    success: { '200': 'the service' },
    errors: [404, 422],
  },
  'POST /v1/reports': {
    summary: 'Publish the public and committee reports of a period',
    body: 'ReportRequest',
    success: { '202': 'accepted' },
    errors: [400, 415, 422],
  },
  'GET /committee/{proxy+}': {
    summary: "A file of the steering committee's private reports",
    success: { '200': 'the file' },
    errors: [404],
  },
  'GET /v1/criteria': { summary: 'The criteria catalog', success: { '200': 'the catalog' } },
  'GET /v1/indicator-catalog': {
    summary:
      'Every version of the operational-indicator catalog (actions 13 and 16): per indicator its id, Dutch label, kind (count, yesno, level), scale, good value and the criteria it informs; currentVersion is the one an assessment uses when it names none',
    success: { '200': 'the versions, oldest first' },
  },
  'GET /v1/openapi.json': { summary: 'This document', success: { '200': 'OpenAPI 3.1' } },
  'GET /health': { summary: 'Health check', success: { '200': 'ok' } },
  ...FEEDBACK_OPERATIONS,
};

const errorResponses = (codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      { description: String(c), content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    ]),
  );

/** API Gateway's greedy `{proxy+}` is OpenAPI's `{proxy}`. */
const openApiPath = (path: string) => path.replace(/\{(\w+)\+\}/g, '{$1}');

export const topologyRoutes = (): Route[] => functionSpecs().flatMap(([, spec]) => [...((spec.routes ?? []) as readonly Route[])]);

function operationOf(route: Route) {
  const key = `${route.method} ${route.path}`;
  const op = OPERATIONS[key];
  if (!op) throw new Error(`${key} is served but not described in OPERATIONS`);
  const guarded = route.auth !== 'public';
  const pathParams = [...route.path.matchAll(/\{(\w+)\+?\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const parameters = [
    ...pathParams,
    ...(op.parameters ?? []),
    ...(op.idempotent ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }] : []),
  ];
  return {
    summary: op.summary,
    ...(guarded && route.auth !== 'public'
      ? { description: `Needs an API key of role ${route.auth.roles.join(' or ')} (or admin).` }
      : { description: 'Public: no key needed.' }),
    security: route.auth === 'public' ? [] : [{ apiKey: [] }, ...(route.auth.basic ? [{ basic: [] }] : [])],
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${op.body}` } } } } }
      : {}),
    responses: {
      ...Object.fromEntries(Object.entries(op.success).map(([code, description]) => [code, { description }])),
      ...errorResponses([...(op.errors ?? []), ...(guarded ? [401, 403, 429] : [])].sort()),
    },
  };
}

export function openApiDocument(codeVersion: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of topologyRoutes()) {
    (paths[openApiPath(route.path)] ??= {})[route.method.toLowerCase()] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'dds-monitor', version: codeVersion, description: 'Monitoring of the Flemish digital service strategy' },
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key issued with npm run dds -- keys create' },
        basic: { type: 'http', scheme: 'basic', description: 'The same key as the password (any user name), for a browser' },
      },
      schemas: {
        AssessmentSubmission: schema(assessmentSubmissionSchema),
        ServiceCounts: schema(serviceCountsSchema),
        ReportRequest: schema(reportRequestSchema),
        Plan: schema(planSchema),
        Decision: schema(decisionRequestSchema),
        ...feedbackComponentSchemas(),
        Error: schema(errorSchema),
      },
    },
    paths,
  };
}
