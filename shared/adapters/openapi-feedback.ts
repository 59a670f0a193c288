// The OpenAPI description of the feedback, maturity and action-plan routes,
// merged into the document by openapi.ts (every route of the topology must be
// described there).
import { z } from 'zod';
import { feedbackAggregatesSchema, feedbackResponseSchema } from '../domain/feedback/submissions.js';
import { maturityScanSchema } from '../domain/strategy/maturity.js';
import { actionStatusChangeSchema, supportToolStatusChangeSchema } from '../domain/strategy/status-change.js';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', target: 'draft-2020-12' });
const period = { name: 'period', in: 'query', required: true, schema: { type: 'string', pattern: '^\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$' } };

export const FEEDBACK_OPERATIONS = {
  'GET /feedback/{organisationId}/{serviceId}': {
    summary: 'The public feedback form of a service (HTML, in Dutch): the page a service links to',
    success: { '200': 'the form (text/html)' },
    errors: [404],
  },
  'GET /feedback/{organisationId}/{serviceId}/bedankt': {
    summary: 'The thank-you page a form post ends on (HTML, in Dutch)',
    success: { '200': 'the page (text/html)' },
    errors: [404],
  },
  'POST /v1/feedback/{organisationId}/{serviceId}': {
    summary:
      'One response from the form: as a form post (application/x-www-form-urlencoded, fields rating, foundIt, comment) answered with 303 to the thank-you page, or as JSON answered with 201. At most 16 KiB; limited per client and service (429 with Retry-After); a browser may post JSON only from an origin registered for the service',
    body: 'FeedbackResponse',
    success: { '201': 'stored (JSON)', '303': 'stored, or dropped (form post): see the thank-you page' },
    errors: [400, 403, 404, 413, 415, 422, 429],
  },
  'OPTIONS /v1/feedback/{organisationId}/{serviceId}': {
    summary: 'CORS preflight: only an origin registered for the service is allowed to post',
    success: { '204': 'the CORS headers, for a registered origin only' },
  },
  'POST /v1/feedback': {
    summary:
      "A provider's feedback aggregates for a period; per service and period the latest report replaces the earlier aggregate (and its comments)",
    body: 'FeedbackAggregates',
    success: { '201': '{reportId, version}' },
    errors: [400, 413, 415, 422],
  },
  'GET /v1/feedback/{organisationId}/{serviceId}': {
    summary: "A service's feedback figures and comments for a period (owner or committee); CSV with Accept: text/csv",
    parameters: [period],
    success: { '200': 'the figures and comments' },
    errors: [422],
  },
  'POST /v1/maturity': {
    summary: "An organisation's maturity self-scan for a year; replaces that year's scan",
    body: 'MaturityScan',
    success: { '201': '{scanId}' },
    errors: [400, 415, 422],
  },
  'POST /v1/actions/{n}/status': {
    summary: "A new status of one of the strategy's 21 actions (op te starten, lopend, afgerond)",
    body: 'ActionStatusChange',
    success: { '201': '{changeId, recordedOn, status}' },
    errors: [400, 404, 415, 422],
  },
  'POST /v1/support-tools/{id}/status': {
    summary: 'A new status of a support tool (ontwikkeld, in ontwikkeling, te ontwikkelen)',
    body: 'SupportToolStatusChange',
    success: { '201': '{changeId, recordedOn, status}' },
    errors: [400, 404, 415, 422],
  },
};

export const feedbackComponentSchemas = () => ({
  FeedbackResponse: schema(feedbackResponseSchema),
  FeedbackAggregates: schema(feedbackAggregatesSchema),
  MaturityScan: schema(maturityScanSchema),
  ActionStatusChange: schema(actionStatusChangeSchema),
  SupportToolStatusChange: schema(supportToolStatusChangeSchema),
});
