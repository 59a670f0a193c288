// OpenAPI 3.1, derived: the paths, methods and security come from the
// topology's routes (so a route cannot be served and not documented, or the
// reverse), the request bodies and query parameters from the same zod schemas
// that validate requests, the answers from the zod schemas of
// shared/domain/responses.ts. Tests prove the document valid OpenAPI 3.1,
// clean under `redocly lint` (recommended rules), and that a real request and
// answer of every route validate against it (test/unit/openapi.test.ts,
// test/integration/openapi-samples.test.ts).
import * as z from 'zod';
import { functionSpecs, type Route } from '../../infra/topology.js';
import { assessmentSubmissionSchema } from '../domain/assessment.js';
import { DATA_LICENCE } from '../domain/licence.js';
import { decisionRequestSchema } from '../domain/lifecycle/decision.js';
import { planSchema } from '../domain/lifecycle/plan.js';
import { periodSchema } from '../domain/periods.js';
import { feedbackAggregatesSchema, feedbackResponseSchema } from '../domain/feedback/submissions.js';
import { maturityScanSchema } from '../domain/strategy/maturity.js';
import { actionStatusChangeSchema, supportToolStatusChangeSchema } from '../domain/strategy/status-change.js';
import { reportRequestSchema } from '../domain/report-request.js';
import * as answers from '../domain/responses.js';
import { seriesQuerySchema } from '../domain/series.js';
import { serviceCountsSchema } from '../domain/service-counts.js';
import { organisationIdSchema, slugSchema } from '../domain/vocabulary.js';

const TAGS = {
  providers: 'Service providers: assessments of their digital services and yearly plans',
  eloketten: 'E-loket operators: services offered and interactions per channel',
  committee: 'The steering committee (Stuurorgaan): indicators, decisions and reports',
  citizens: 'Users of a digital service: the feedback form and its answers',
  catalog: 'The criteria of the strategy and this document, for everyone',
  operations: 'Whether the API and its stores are up',
} as const;
type Tag = keyof typeof TAGS;

/** A component schema: a request body (validated as it comes in) or an answer (as it goes out). */
const REQUESTS = {
  AssessmentSubmission: assessmentSubmissionSchema,
  ServiceCounts: serviceCountsSchema,
  Plan: planSchema,
  Decision: decisionRequestSchema,
  ReportRequest: reportRequestSchema,
  FeedbackResponse: feedbackResponseSchema,
  FeedbackAggregates: feedbackAggregatesSchema,
  MaturityScan: maturityScanSchema,
  ActionStatusChange: actionStatusChangeSchema,
  SupportToolStatusChange: supportToolStatusChangeSchema,
} as const;
type RequestName = keyof typeof REQUESTS;

// Referenced by name so the bundler keeps every answer schema (each registers its id on load).
const ANSWERS = {
  AssessmentResult: answers.assessmentResultSchema,
  CountsReceipt: answers.countsReceiptSchema,
  PlanReceipt: answers.planReceiptSchema,
  DecisionReceipt: answers.decisionReceiptSchema,
  ReportRequested: answers.reportRequestedSchema,
  ServiceView: answers.serviceViewSchema,
  IndicatorOverview: answers.indicatorOverviewSchema,
  IndicatorSeries: answers.indicatorSeriesSchema,
  CriteriaCatalog: answers.criteriaDocumentSchema,
  IndicatorCatalog: answers.indicatorCatalogDocumentSchema,
  Health: answers.healthSchema,
  ReportStatus: answers.reportStatusSchema,
  ServiceFeedback: answers.serviceFeedbackSchema,
  FeedbackResponseReceipt: answers.feedbackResponseReceiptSchema,
  FeedbackReceipt: answers.feedbackReceiptSchema,
  MaturityReceipt: answers.maturityReceiptSchema,
  StatusChangeReceipt: answers.statusChangeReceiptSchema,
  Error: answers.errorSchema,
  GatewayThrottle: answers.gatewayThrottleSchema,
} as const;
type AnswerName = keyof typeof ANSWERS;

interface Success {
  description: string;
  /** the JSON answer; `file` for the committee's report files */
  body?: AnswerName | 'openapi' | 'file' | 'html';
  /** also answers CSV with `Accept: text/csv` */
  csv?: boolean;
  headers?: Array<'Location' | 'Retry-After' | 'Link'>;
}

interface Operation {
  operationId: string;
  tag: Tag;
  summary: string;
  description?: string;
  body?: RequestName;
  /** also accepts the same fields as an HTML form post (application/x-www-form-urlencoded) */
  formBody?: true;
  query?: z.ZodObject;
  idempotent?: boolean;
  success: Record<string, Success>;
  /** error answers beyond the guard's own (401, 403, 429) and 503 */
  errors?: number[];
  /** errors as a page in Dutch (for people), or also as one for a form post */
  errorPages?: 'only' | 'also';
  /** reads or writes no store: never 503 */
  storeless?: boolean;
}

const WRITE_ERRORS = [400, 409, 413, 415, 422];

/** What each route does, by its route key; every route of the topology has one (test/unit/openapi.test.ts). */
export const OPERATIONS: Record<string, Operation> = {
  'POST /v1/assessments': {
    operationId: 'submitAssessment',
    tag: 'providers',
    summary: 'Submit an assessment of a digital service',
    description:
      'Every criterion of the catalog version answered once; every `no` and `not_applicable` explained (comply or explain). The organisation is the key’s own.',
    body: 'AssessmentSubmission',
    idempotent: true,
    success: {
      '201': { description: 'Stored and scored', body: 'AssessmentResult', headers: ['Location'] },
      '200': {
        description: 'A replay of an earlier request with the same Idempotency-Key and body: the first answer',
        body: 'AssessmentResult',
      },
    },
    errors: WRITE_ERRORS,
  },
  'POST /v1/service-counts': {
    operationId: 'reportServiceCounts',
    tag: 'eloketten',
    summary: "An e-loket's services offered (and volumes per channel) for a period; a new report for the same period replaces it",
    description: 'The e-loket is the key’s own. A channel left out is no data, never 0. At most 5,000 rows.',
    body: 'ServiceCounts',
    idempotent: true,
    success: {
      '201': { description: 'Stored as a new version', body: 'CountsReceipt' },
      '200': {
        description: 'A replay, or the same content as the current version: nothing new, the current version',
        body: 'CountsReceipt',
      },
    },
    errors: WRITE_ERRORS,
  },
  'POST /v1/plans': {
    operationId: 'submitPlan',
    tag: 'providers',
    summary: "A provider's yearly plan of new and reworked digital services; a new plan for the same year replaces it",
    body: 'Plan',
    idempotent: true,
    success: {
      '201': { description: 'Stored as a new version', body: 'PlanReceipt' },
      '200': { description: 'A replay of an earlier request', body: 'PlanReceipt' },
    },
    errors: WRITE_ERRORS,
  },
  'POST /v1/decisions': {
    operationId: 'recordDecision',
    tag: 'committee',
    summary: "The steering committee's decision on an assessment: accepted, a derogation until a date, or action required",
    body: 'Decision',
    success: { '201': { description: 'Recorded', body: 'DecisionReceipt' } },
    errors: [400, 404, 413, 415, 422],
  },
  'GET /v1/indicators': {
    operationId: 'getIndicatorOverview',
    tag: 'committee',
    summary: 'The indicator overview of a period',
    query: z.strictObject({ period: periodSchema.meta({ description: 'YYYY, YYYY-Qn or YYYY-MM' }) }),
    success: { '200': { description: 'The overview', body: 'IndicatorOverview' } },
    errors: [422],
  },
  'GET /v1/indicators/series': {
    operationId: 'getIndicatorSeries',
    tag: 'committee',
    summary: 'Figures over time, per e-loket, target group, organisation, policy domain or principle',
    description:
      'One point per period at the granularity of `from` and `to`, each the figure the overview of that period gives; per series a total over the range (flows summed, stocks the last, shares as ratios of sums). A provider key may ask only `groupBy=organisation`, for its own organisation. JSON, or CSV with `Accept: text/csv` (one row per point, then the total as the period `from/to`). Paged: `limit` series per page, `nextCursor` (and a `Link` header) for the next.',
    query: seriesQuerySchema,
    success: { '200': { description: 'The series of this page', body: 'IndicatorSeries', csv: true, headers: ['Link'] } },
    errors: [422],
  },
  'GET /v1/services/{organisationId}/{serviceId}': {
    operationId: 'getService',
    tag: 'providers',
    summary: "A service's latest pre and post assessment, its history and the committee's decisions",
    description: 'A provider key reads its own organisation’s services only; the committee reads every service.',
    success: { '200': { description: 'The service', body: 'ServiceView' } },
    errors: [404, 422],
  },
  'POST /v1/reports': {
    operationId: 'requestReport',
    tag: 'committee',
    summary: 'Publish the public and committee reports of a period that has ended',
    body: 'ReportRequest',
    success: { '202': { description: 'Accepted: both reports will be published', body: 'ReportRequested' } },
    errors: [400, 413, 415, 422],
  },
  'GET /v1/reports/{reportId}': {
    operationId: 'getReportStatus',
    tag: 'committee',
    summary: 'What became of a report request: pending, published (with the URLs of its files) or failed (with the reason)',
    success: { '200': { description: 'The status', body: 'ReportStatus' } },
    errors: [404],
  },
  'GET /committee': {
    operationId: 'getCommitteeIndex',
    tag: 'committee',
    summary: "The list of every period of the steering committee's private reports",
    description:
      '`/committee` redirects to `/committee/`, which lists the periods. A browser may give the key as the password of HTTP Basic.',
    success: {
      '200': { description: 'The list (HTML)', body: 'html' },
      '301': { description: 'To /committee/', headers: ['Location'] },
    },
  },
  'GET /committee/{proxy+}': {
    operationId: 'getCommitteeReportFile',
    tag: 'committee',
    summary: "A file of the steering committee's private reports (HTML, CSV or JSON)",
    description:
      'A browser may give the key as the password of HTTP Basic (any user name). A period without its trailing slash redirects to its page.',
    success: {
      '200': { description: 'The file', body: 'file' },
      '301': { description: "To the period's page", headers: ['Location'] },
    },
    errors: [404],
  },
  'GET /v1/criteria': {
    operationId: 'getCriteria',
    tag: 'catalog',
    summary: 'The criteria catalog, every version, with the Dutch text of each criterion',
    success: { '200': { description: 'The catalog', body: 'CriteriaCatalog' } },
    storeless: true,
  },
  'GET /v1/indicator-catalog': {
    operationId: 'getIndicatorCatalog',
    tag: 'catalog',
    summary: 'Every version of the operational-indicator catalog (actions 13 and 16), oldest first',
    description:
      'Per indicator its id, Dutch label, kind (count, yesno, level), scale, good value and the criteria it informs. `currentVersion` is the one an assessment uses when it names none; a published version never changes.',
    success: { '200': { description: 'The versions', body: 'IndicatorCatalog' } },
  },
  'GET /v1/openapi.json': {
    operationId: 'getOpenApiDocument',
    tag: 'catalog',
    summary: 'This document',
    success: { '200': { description: 'OpenAPI 3.1', body: 'openapi' } },
    storeless: true,
  },
  'GET /health': {
    operationId: 'getHealth',
    tag: 'operations',
    summary: 'Whether the API reaches its stores',
    success: {
      '200': { description: 'Every store answers', body: 'Health' },
      '503': {
        description: 'A store does not answer (degraded): which one, and try again later',
        body: 'Health',
        headers: ['Retry-After'],
      },
    },
  },
  'GET /feedback/{organisationId}/{serviceId}': {
    operationId: 'getFeedbackForm',
    tag: 'citizens',
    summary: 'The public feedback form of a service (HTML, in Dutch): the page a service links to',
    success: { '200': { description: 'The form', body: 'html' } },
    errors: [404],
    errorPages: 'only',
  },
  'GET /feedback/{organisationId}/{serviceId}/bedankt': {
    operationId: 'getFeedbackThanks',
    tag: 'citizens',
    summary: 'The thank-you page a form post ends on (HTML, in Dutch)',
    success: { '200': { description: 'The page', body: 'html' } },
    errors: [404],
    errorPages: 'only',
    storeless: true,
  },
  'POST /v1/feedback/{organisationId}/{serviceId}': {
    operationId: 'giveFeedback',
    tag: 'citizens',
    summary: 'One response from the feedback form of a service',
    description:
      'As a form post (application/x-www-form-urlencoded: rating, foundIt, comment), answered with 303 to the thank-you page; or as JSON, answered with 201. At most 16 KiB; limited per client and service (429 with Retry-After); a browser may post JSON only from an origin registered for the service. A comment is stripped of personal data and kept for a limited time.',
    body: 'FeedbackResponse',
    formBody: true,
    success: {
      '201': { description: 'Stored (JSON)', body: 'FeedbackResponseReceipt' },
      '303': { description: 'Stored, or dropped (form post): the thank-you page', headers: ['Location'] },
    },
    errors: [400, 403, 404, 413, 415, 422],
    errorPages: 'also',
  },
  'OPTIONS /v1/feedback/{organisationId}/{serviceId}': {
    operationId: 'feedbackPreflight',
    tag: 'citizens',
    summary: 'CORS preflight: only an origin registered for the service may post',
    success: { '204': { description: 'The CORS headers, for a registered origin only' } },
  },
  'POST /v1/feedback': {
    operationId: 'reportFeedback',
    tag: 'providers',
    summary: "A provider's feedback aggregates for a period; per service and period the latest report replaces the earlier one",
    body: 'FeedbackAggregates',
    success: { '201': { description: 'Stored as a new version', body: 'FeedbackReceipt' } },
    errors: [400, 413, 415, 422],
  },
  'GET /v1/feedback/{organisationId}/{serviceId}': {
    operationId: 'getServiceFeedback',
    tag: 'providers',
    summary: "A service's feedback figures and comments for a period, for its owner and the committee",
    query: z.strictObject({ period: periodSchema.meta({ description: 'YYYY, YYYY-Qn or YYYY-MM' }) }),
    success: { '200': { description: 'The figures and comments', body: 'ServiceFeedback', csv: true } },
    errors: [404, 422],
  },
  'POST /v1/maturity': {
    operationId: 'submitMaturityScan',
    tag: 'providers',
    summary: "An organisation's maturity self-scan for a year; replaces that year's scan",
    body: 'MaturityScan',
    success: { '201': { description: 'Stored', body: 'MaturityReceipt' } },
    errors: [400, 413, 415, 422],
  },
  'POST /v1/actions/{n}/status': {
    operationId: 'recordActionStatus',
    tag: 'committee',
    summary: "A new status of one of the strategy's 21 actions (op te starten, lopend, afgerond)",
    body: 'ActionStatusChange',
    success: { '201': { description: 'Recorded', body: 'StatusChangeReceipt' } },
    errors: [400, 404, 413, 415, 422],
  },
  'POST /v1/support-tools/{id}/status': {
    operationId: 'recordSupportToolStatus',
    tag: 'committee',
    summary: 'A new status of a support tool (ontwikkeld, in ontwikkeling, te ontwikkelen)',
    body: 'SupportToolStatusChange',
    success: { '201': { description: 'Recorded', body: 'StatusChangeReceipt' } },
    errors: [400, 404, 413, 415, 422],
  },
};

const ERROR_RESPONSES: Record<number, { name: string; description: string; retryAfter?: boolean; schema?: string }> = {
  400: {
    name: 'BadRequest',
    description: 'Malformed JSON, a repeated key, not UTF-8, nested deeper than 32 levels, or a bad Idempotency-Key',
  },
  401: { name: 'Unauthorized', description: 'No key, or an unknown or revoked key' },
  403: { name: 'Forbidden', description: 'A key of another role, or used outside its organisation or e-loket' },
  404: { name: 'NotFound', description: 'No such resource' },
  409: {
    name: 'Conflict',
    description: 'A concurrent write of the same thing won the race: send again after Retry-After',
    retryAfter: true,
  },
  413: { name: 'PayloadTooLarge', description: 'A body over 1 MiB, or over a list’s maximum length' },
  415: { name: 'UnsupportedMediaType', description: 'Not JSON, a charset other than UTF-8, or a compressed body' },
  422: {
    name: 'UnprocessableContent',
    description:
      'Anything the contract refuses: missing, unknown or repeated field or criterion, an unexplained no, a bad period or text, an idempotency key reused with another body',
  },
  429: {
    name: 'TooManyRequests',
    description:
      "Past the key's requests per minute, or too many unknown keys from one address (the contract's error); in AWS also past the API's overall rate (API Gateway's own answer)",
    retryAfter: true,
    schema: 'TooManyRequestsBody',
  },
  503: {
    name: 'ServiceUnavailable',
    description: 'A store is unreachable, slow or throttling: nothing was stored; send again after Retry-After',
    retryAfter: true,
  },
};

const ref = (kind: 'schemas' | 'responses' | 'headers' | 'parameters', name: string) => ({ $ref: `#/components/${kind}/${name}` });

/** API Gateway's greedy `{proxy+}` is OpenAPI's `{proxy}`. */
const openApiPath = (path: string) => path.replace(/\{(\w+)\+\}/g, '{$1}');

export const topologyRoutes = (): Route[] => functionSpecs().flatMap(([, spec]) => [...((spec.routes ?? []) as readonly Route[])]);

/** A JSON Schema without the keywords that only make sense at a document's root. */
function bare(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

const requestSchema = (s: z.ZodType) => bare(z.toJSONSchema(s, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>);

/** Query parameters, one per field of the query's zod object, each with its own schema and description. */
function queryParameters(query: z.ZodObject) {
  return Object.entries(query.shape).map(([name, field]) => {
    const f = field as z.ZodType;
    const { description, ...schema } = requestSchema(f) as { description?: string };
    return { name, in: 'query', required: !f.safeParse(undefined).success, ...(description ? { description } : {}), schema };
  });
}

const PATH_PARAMETERS: Record<string, { description: string; schema: Record<string, unknown> }> = {
  organisationId: { description: 'The organisation: an OVO number or another registry’s id', schema: requestSchema(organisationIdSchema) },
  serviceId: { description: 'The service, unique within its organisation', schema: requestSchema(slugSchema) },
  reportId: { description: 'The reportId that POST /v1/reports answered', schema: { type: 'string' } },
  n: { description: 'The number of the action, 1 to 21', schema: { type: 'string', pattern: '^\\d{1,2}$' } },
  id: { description: 'The id of the support tool', schema: { type: 'string' } },
  proxy: { description: 'The path of the file, such as 2026-Q3/index.html', schema: { type: 'string' } },
};

/** A form posts every field as text: the JSON body's fields, each a string. */
function formSchemaOf(body: z.ZodType) {
  const { properties = {}, required } = requestSchema(body) as {
    properties?: Record<string, { description?: string }>;
    required?: string[];
  };
  return {
    type: 'object',
    properties: Object.fromEntries(Object.keys(properties).map((name) => [name, { type: 'string' }])),
    ...(required ? { required } : {}),
  };
}

function contentOf(success: Success): Record<string, unknown> | undefined {
  if (!success.body) return undefined;
  if (success.body === 'file') {
    const text = { schema: { type: 'string' } };
    return { 'text/html': text, 'text/csv': text, 'application/json': text };
  }
  if (success.body === 'html') return { 'text/html': { schema: { type: 'string' } } };
  if (success.body === 'openapi')
    return {
      'application/json': {
        schema: {
          type: 'object',
          properties: { openapi: { type: 'string', const: '3.1.0' }, paths: { type: 'object' } },
          required: ['openapi', 'paths'],
        },
      },
    };
  return {
    'application/json': { schema: ref('schemas', success.body) },
    ...(success.csv ? { 'text/csv': { schema: { type: 'string', description: 'RFC 4180, a header row, formula-safe cells' } } } : {}),
  };
}

const page = { 'text/html': { schema: { type: 'string', description: 'A page in Dutch that says what went wrong' } } };

/** An error answer: the shared JSON one, or a page for the people who use a form. */
function errorResponse(code: number, pages: Operation['errorPages']) {
  const e = ERROR_RESPONSES[code]!;
  if (!pages) return ref('responses', e.name);
  return {
    description: e.description,
    ...(e.retryAfter ? { headers: { 'Retry-After': ref('headers', 'RetryAfter') } } : {}),
    content: pages === 'only' ? page : { 'application/json': { schema: ref('schemas', e.schema ?? 'Error') }, ...page },
  };
}

function operationOf(route: Route) {
  const key = `${route.method} ${route.path}`;
  const op = OPERATIONS[key];
  if (!op) throw new Error(`${key} is served but not described in OPERATIONS`);
  const guarded = route.auth !== 'public';
  const pathParams = [...route.path.matchAll(/\{(\w+)\+?\}/g)].map((m) => ({
    name: m[1]!,
    in: 'path',
    required: true,
    ...PATH_PARAMETERS[m[1]!],
  }));
  const parameters = [
    ...pathParams,
    ...(op.query ? queryParameters(op.query) : []),
    ...(op.idempotent ? [ref('parameters', 'IdempotencyKey')] : []),
  ];
  const errors = new Set([...(op.errors ?? []), 429, ...(guarded ? [401, 403] : []), ...(op.storeless || op.success['503'] ? [] : [503])]);
  const who = route.auth === 'public' ? 'Public: no key needed.' : `Needs an API key of role ${route.auth.roles.join(' or ')} (or admin).`;
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    description: op.description ? `${op.description}\n\n${who}` : who,
    security: route.auth === 'public' ? [] : [{ apiKey: [] }, ...(route.auth.basic ? [{ basic: [] }] : [])],
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? {
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: ref('schemas', op.body) },
              ...(op.formBody ? { 'application/x-www-form-urlencoded': { schema: formSchemaOf(REQUESTS[op.body]) } } : {}),
            },
          },
        }
      : {}),
    responses: {
      ...Object.fromEntries(
        Object.entries(op.success).map(([code, s]) => {
          const content = contentOf(s);
          const headers = Object.fromEntries((s.headers ?? []).map((h) => [h, ref('headers', h.replace('-', ''))]));
          return [code, { description: s.description, ...(s.headers ? { headers } : {}), ...(content ? { content } : {}) }];
        }),
      ),
      ...Object.fromEntries([...errors].sort().map((c) => [String(c), errorResponse(c, op.errorPages)])),
    },
  };
}

/** The answer schemas as components: each schema with an id becomes one, nested ones referenced by name. */
function answerComponents(): Record<string, Record<string, unknown>> {
  void ANSWERS; // registers every answer's id (see above)
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    io: 'output',
    target: 'draft-2020-12',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Record<string, unknown>> };
  if (schemas.__shared) throw new Error('an answer schema reuses an unnamed schema: give it an id');
  return Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, bare(s)]));
}

function errorComponents() {
  const header = (description: string, schema: Record<string, unknown>) => ({ description, schema });
  const headers = {
    RetryAfter: header('Seconds to wait before sending again', { type: 'string', pattern: '^\\d+$' }),
    Location: header('Where the stored resource is read', { type: 'string' }),
    Link: header('The next page: `<…?cursor=…>; rel="next"`', { type: 'string' }),
  };
  const responses = Object.fromEntries(
    Object.values(ERROR_RESPONSES).map((e) => [
      e.name,
      {
        description: e.description,
        ...(e.retryAfter ? { headers: { 'Retry-After': ref('headers', 'RetryAfter') } } : {}),
        content: { 'application/json': { schema: ref('schemas', e.schema ?? 'Error') } },
      },
    ]),
  );
  return { headers, responses };
}

export function openApiDocument(codeVersion: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of topologyRoutes()) {
    (paths[openApiPath(route.path)] ??= {})[route.method.toLowerCase()] = operationOf(route);
  }
  const { headers, responses } = errorComponents();
  return {
    openapi: '3.1.0',
    info: {
      title: 'dds-monitor',
      version: codeVersion,
      summary: 'Monitoring of the Flemish digital service strategy (digitale dienstverleningsstrategie)',
      description:
        'Service providers post their assessments of each significant digital service against the five principles and 52 criteria and their yearly plans; e-loket operators post how many services they offer and the interactions per channel; the steering committee reads the indicators and records its decisions. Errors name every problem at once. A guide for integrators: docs/integrators.md.',
      license: DATA_LICENCE,
    },
    servers: [
      { url: '/', description: 'This API, where this document is served (locally http://127.0.0.1:3000; in AWS the API Gateway address)' },
    ],
    tags: (Object.entries(TAGS) as Array<[Tag, string]>).map(([name, description]) => ({ name, description })),
    paths,
    components: {
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key issued with npm run dds -- keys create' },
        basic: { type: 'http', scheme: 'basic', description: 'The same key as the password (any user name), for a browser' },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description:
            'The same key with the same body (in any key order) within 24 hours is a replay: the first answer, nothing stored again',
          schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,255}$' },
        },
      },
      headers,
      responses,
      schemas: {
        ...Object.fromEntries((Object.keys(REQUESTS) as RequestName[]).map((n) => [n, requestSchema(REQUESTS[n])])),
        ...answerComponents(),
        TooManyRequestsBody: { anyOf: [ref('schemas', 'Error'), ref('schemas', 'GatewayThrottle')] },
      },
    },
  };
}
