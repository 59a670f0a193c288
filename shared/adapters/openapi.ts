// OpenAPI 3.1 generated from the same zod schemas that validate requests.
import { z } from 'zod';
import { assessmentSubmissionSchema } from '../domain/assessment.js';
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

const errorResponses = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      { description: String(c), content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    ]),
  );

export function openApiDocument(codeVersion: string) {
  const bearer = [{ apiKey: [] }];
  return {
    openapi: '3.1.0',
    info: { title: 'dds-monitor', version: codeVersion, description: 'Monitoring of the Flemish digital service strategy' },
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } },
      schemas: {
        AssessmentSubmission: schema(assessmentSubmissionSchema),
        ServiceCounts: schema(serviceCountsSchema),
        ReportRequest: schema(reportRequestSchema),
        Error: schema(errorSchema),
      },
    },
    paths: {
      '/v1/assessments': {
        post: {
          summary: 'Submit an assessment of a digital service',
          security: bearer,
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/AssessmentSubmission' } } },
          },
          responses: {
            '201': { description: 'stored' },
            '200': { description: 'replay of an earlier request' },
            ...errorResponses(400, 401, 403, 413, 415, 422, 429),
          },
        },
      },
      '/v1/service-counts': {
        post: {
          summary:
            "An e-loket's report of services offered (and volumes per channel) for a period; a new report for the same period replaces it",
          security: bearer,
          parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ServiceCounts' } } } },
          responses: {
            '201': { description: 'stored as a new version' },
            '200': { description: 'replay of an earlier request' },
            ...errorResponses(400, 401, 403, 413, 415, 422, 429),
          },
        },
      },
      '/v1/indicators': {
        get: {
          summary: 'The indicator overview of a period (committee)',
          security: bearer,
          parameters: [
            { name: 'period', in: 'query', required: true, schema: { type: 'string', pattern: '^\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$' } },
          ],
          responses: { '200': { description: 'the overview' }, ...errorResponses(401, 403, 422, 429) },
        },
      },
      '/v1/services/{organisationId}/{serviceId}': {
        get: {
          summary: "A service's latest pre and post assessment and its history",
          security: bearer,
          parameters: ['organisationId', 'serviceId'].map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
          responses: { '200': { description: 'the service' }, ...errorResponses(401, 403, 404, 422, 429) },
        },
      },
      '/v1/reports': {
        post: {
          summary: 'Publish the public and committee reports of a period',
          security: bearer,
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ReportRequest' } } } },
          responses: { '202': { description: 'accepted' }, ...errorResponses(400, 401, 403, 415, 422, 429) },
        },
      },
      '/v1/criteria': { get: { summary: 'The criteria catalog', responses: { '200': { description: 'the catalog' } } } },
      '/v1/openapi.json': { get: { summary: 'This document', responses: { '200': { description: 'OpenAPI 3.1' } } } },
      '/health': { get: { summary: 'Health check', responses: { '200': { description: 'ok' } } } },
    },
  };
}
