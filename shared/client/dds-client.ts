// A small typed client of the dds-monitor API, for integrators' scripts and
// this project's end-to-end tests. Its request and answer types are inferred
// from the same zod schemas the OpenAPI document is generated from (types
// only: no zod at run time), and test/unit/client.test.ts checks that every
// operation it calls is the document's operation of that name, with the same
// method and path. Errors come back as DdsApiError with the contract's body.
import type { z } from 'zod';
import type { assessmentSubmissionSchema } from '../domain/assessment.js';
import type { decisionRequestSchema } from '../domain/lifecycle/decision.js';
import type { planSchema } from '../domain/lifecycle/plan.js';
import type * as answers from '../domain/responses.js';
import type { feedbackAggregatesSchema, feedbackResponseSchema } from '../domain/feedback/submissions.js';
import type { seriesQuerySchema } from '../domain/series.js';
import type { maturityScanSchema } from '../domain/strategy/maturity.js';
import type { actionStatusChangeSchema, supportToolStatusChangeSchema } from '../domain/strategy/status-change.js';
import type { serviceCountsSchema } from '../domain/service-counts.js';

export type AssessmentSubmission = z.input<typeof assessmentSubmissionSchema>;
export type ServiceCounts = z.input<typeof serviceCountsSchema>;
export type Plan = z.input<typeof planSchema>;
export type Decision = z.input<typeof decisionRequestSchema>;
export type SeriesQuery = z.input<typeof seriesQuerySchema>;
export type FeedbackResponse = z.input<typeof feedbackResponseSchema>;
export type FeedbackAggregates = z.input<typeof feedbackAggregatesSchema>;
export type MaturityScan = z.input<typeof maturityScanSchema>;
export type ActionStatusChange = z.input<typeof actionStatusChangeSchema>;
export type SupportToolStatusChange = z.input<typeof supportToolStatusChangeSchema>;

export type AssessmentResult = z.output<typeof answers.assessmentResultSchema>;
export type CountsReceipt = z.output<typeof answers.countsReceiptSchema>;
export type PlanReceipt = z.output<typeof answers.planReceiptSchema>;
export type DecisionReceipt = z.output<typeof answers.decisionReceiptSchema>;
export type ReportRequested = z.output<typeof answers.reportRequestedSchema>;
export type ServiceView = z.output<typeof answers.serviceViewSchema>;
export type IndicatorOverview = z.output<typeof answers.indicatorOverviewSchema>;
export type IndicatorSeries = z.output<typeof answers.indicatorSeriesSchema>;
export type CriteriaCatalog = z.output<typeof answers.criteriaDocumentSchema>;
export type Health = z.output<typeof answers.healthSchema>;
export type ReportStatus = z.output<typeof answers.reportStatusSchema>;
export type ServiceFeedback = z.output<typeof answers.serviceFeedbackSchema>;
export type FeedbackResponseReceipt = z.output<typeof answers.feedbackResponseReceiptSchema>;
export type FeedbackReceipt = z.output<typeof answers.feedbackReceiptSchema>;
export type MaturityReceipt = z.output<typeof answers.maturityReceiptSchema>;
export type StatusChangeReceipt = z.output<typeof answers.statusChangeReceiptSchema>;
export type ErrorBody = z.output<typeof answers.errorSchema>;

/** The operations this client calls, by the document's operationId. */
export const CLIENT_OPERATIONS = {
  submitAssessment: { method: 'POST', path: '/v1/assessments' },
  reportServiceCounts: { method: 'POST', path: '/v1/service-counts' },
  submitPlan: { method: 'POST', path: '/v1/plans' },
  recordDecision: { method: 'POST', path: '/v1/decisions' },
  getService: { method: 'GET', path: '/v1/services/{organisationId}/{serviceId}' },
  getIndicatorOverview: { method: 'GET', path: '/v1/indicators' },
  getIndicatorSeries: { method: 'GET', path: '/v1/indicators/series' },
  requestReport: { method: 'POST', path: '/v1/reports' },
  getReportStatus: { method: 'GET', path: '/v1/reports/{reportId}' },
  giveFeedback: { method: 'POST', path: '/v1/feedback/{organisationId}/{serviceId}' },
  reportFeedback: { method: 'POST', path: '/v1/feedback' },
  getServiceFeedback: { method: 'GET', path: '/v1/feedback/{organisationId}/{serviceId}' },
  submitMaturityScan: { method: 'POST', path: '/v1/maturity' },
  recordActionStatus: { method: 'POST', path: '/v1/actions/{n}/status' },
  recordSupportToolStatus: { method: 'POST', path: '/v1/support-tools/{id}/status' },
  getCriteria: { method: 'GET', path: '/v1/criteria' },
  getOpenApiDocument: { method: 'GET', path: '/v1/openapi.json' },
  getHealth: { method: 'GET', path: '/health' },
} as const;
export type ClientOperation = keyof typeof CLIENT_OPERATIONS;

/** A refusal, with everything the contract's error body says, and when to try again if the API said so. */
export class DdsApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
    readonly retryAfterSeconds: number | undefined,
  ) {
    super(`${status} ${body?.error.code ?? ''}: ${body?.error.message ?? 'no error body'}`.trim());
  }
  get details() {
    return this.body?.error.details ?? [];
  }
}

/** A successful answer: its status (201 stored, 200 a replay or unchanged, …) and its body. */
export interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface ClientOptions {
  /** the API's address, such as http://127.0.0.1:3000 */
  baseUrl: string;
  /** an API key (dds_…); not needed for the public operations */
  key?: string;
  fetch?: typeof fetch;
}

export function ddsClient(options: ClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const send = options.fetch ?? fetch;

  async function call<T>(
    op: ClientOperation,
    o: {
      params?: Record<string, string>;
      query?: Record<string, string | undefined>;
      body?: unknown;
      headers?: Record<string, string>;
      text?: boolean;
    } = {},
  ): Promise<Answer<T>> {
    const { method, path } = CLIENT_OPERATIONS[op];
    const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(o.params?.[name] ?? ''));
    const query = new URLSearchParams(Object.entries(o.query ?? {}).filter((e): e is [string, string] => e[1] !== undefined));
    const headers: Record<string, string> = { accept: o.text ? 'text/csv' : 'application/json', ...o.headers };
    if (options.key) headers.authorization = `Bearer ${options.key}`;
    if (o.body !== undefined) headers['content-type'] = 'application/json';
    const res = await send(`${base}${filled}${query.size ? `?${query}` : ''}`, {
      method,
      headers,
      ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
    });
    const text = await res.text();
    if (!res.ok) {
      let body: ErrorBody | null;
      try {
        body = JSON.parse(text) as ErrorBody;
      } catch {
        body = null; // not the contract's error: API Gateway's own, or something in between
      }
      const retry = res.headers.get('retry-after');
      throw new DdsApiError(res.status, body, retry === null ? undefined : Number(retry));
    }
    return { status: res.status, body: (o.text ? text : JSON.parse(text)) as T, headers: res.headers };
  }

  const idempotent = (key?: string) => (key ? { 'idempotency-key': key } : undefined);

  return {
    submitAssessment: (body: AssessmentSubmission, o: { idempotencyKey?: string } = {}) =>
      call<AssessmentResult>('submitAssessment', { body, headers: idempotent(o.idempotencyKey) }),
    reportServiceCounts: (body: ServiceCounts, o: { idempotencyKey?: string } = {}) =>
      call<CountsReceipt>('reportServiceCounts', { body, headers: idempotent(o.idempotencyKey) }),
    submitPlan: (body: Plan, o: { idempotencyKey?: string } = {}) =>
      call<PlanReceipt>('submitPlan', { body, headers: idempotent(o.idempotencyKey) }),
    recordDecision: (body: Decision) => call<DecisionReceipt>('recordDecision', { body }),
    getService: (organisationId: string, serviceId: string) => call<ServiceView>('getService', { params: { organisationId, serviceId } }),
    getIndicatorOverview: (period: string) => call<IndicatorOverview>('getIndicatorOverview', { query: { period } }),
    getIndicatorSeries: (query: SeriesQuery) => call<IndicatorSeries>('getIndicatorSeries', { query }),
    /** the same series as CSV (one row per point, then the range's total) */
    getIndicatorSeriesCsv: (query: SeriesQuery) => call<string>('getIndicatorSeries', { query, text: true }),
    requestReport: (period: string) => call<ReportRequested>('requestReport', { body: { period } }),
    getReportStatus: (reportId: string) => call<ReportStatus>('getReportStatus', { params: { reportId } }),
    /** one response of a service's users, as JSON (the form page posts the same fields as a form) */
    giveFeedback: (organisationId: string, serviceId: string, body: FeedbackResponse) =>
      call<FeedbackResponseReceipt>('giveFeedback', { params: { organisationId, serviceId }, body }),
    reportFeedback: (body: FeedbackAggregates) => call<FeedbackReceipt>('reportFeedback', { body }),
    getServiceFeedback: (organisationId: string, serviceId: string, period: string) =>
      call<ServiceFeedback>('getServiceFeedback', { params: { organisationId, serviceId }, query: { period } }),
    /** the same figures and comments as CSV */
    getServiceFeedbackCsv: (organisationId: string, serviceId: string, period: string) =>
      call<string>('getServiceFeedback', { params: { organisationId, serviceId }, query: { period }, text: true }),
    submitMaturityScan: (body: MaturityScan) => call<MaturityReceipt>('submitMaturityScan', { body }),
    recordActionStatus: (n: number, body: ActionStatusChange) =>
      call<StatusChangeReceipt>('recordActionStatus', { params: { n: String(n) }, body }),
    recordSupportToolStatus: (id: string, body: SupportToolStatusChange) =>
      call<StatusChangeReceipt>('recordSupportToolStatus', { params: { id }, body }),
    getCriteria: () => call<CriteriaCatalog>('getCriteria'),
    getOpenApiDocument: () => call<{ openapi: string; paths: Record<string, unknown> }>('getOpenApiDocument'),
    getHealth: () => call<Health>('getHealth'),
  };
}

export type DdsClient = ReturnType<typeof ddsClient>;
