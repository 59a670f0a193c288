// A small typed client of the dds-monitor API, for integrators' scripts, the
// CLI's upload commands and this project's end-to-end tests. Its request and answer types are inferred
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
export type IndicatorCatalogDocument = z.output<typeof answers.indicatorCatalogDocumentSchema>;
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
  getIndicatorCatalog: { method: 'GET', path: '/v1/indicator-catalog' },
  getOpenApiDocument: { method: 'GET', path: '/v1/openapi.json' },
  getHealth: { method: 'GET', path: '/health' },
} as const;
export type ClientOperation = keyof typeof CLIENT_OPERATIONS;

/**
 * A refusal, with everything the contract's error body says, and when to try
 * again if the API said so. Also thrown for a success status whose answer is
 * not JSON (something other than the API answered); `text` is the answer as
 * it came, for saying what answered.
 */
export class DdsApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | null,
    readonly retryAfterSeconds: number | undefined,
    readonly text = '',
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

/** Per request: the key that makes a retry a replay (where the operation takes one), and a signal to give up. */
export interface RequestOptions {
  idempotencyKey?: string;
  /** such as AbortSignal.timeout(10_000) */
  signal?: AbortSignal;
}

/** The answer as JSON, or undefined when it is not JSON. */
function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
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
      signal?: AbortSignal;
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
      ...(o.signal ? { signal: o.signal } : {}),
    });
    const text = await res.text();
    const json = parsed(text);
    if (!res.ok || (!o.text && json === undefined)) {
      const retry = res.headers.get('retry-after');
      // Only the contract's error shape is its error body: not API Gateway's own, nor something in between.
      const body = typeof json === 'object' && json !== null && 'error' in json ? (json as ErrorBody) : null;
      throw new DdsApiError(res.status, body, retry === null ? undefined : Number(retry), text);
    }
    return { status: res.status, body: (o.text ? text : json) as T, headers: res.headers };
  }

  const perRequest = (o: RequestOptions) => ({
    ...(o.idempotencyKey ? { headers: { 'idempotency-key': o.idempotencyKey } } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });

  return {
    submitAssessment: (body: AssessmentSubmission, o: RequestOptions = {}) =>
      call<AssessmentResult>('submitAssessment', { body, ...perRequest(o) }),
    reportServiceCounts: (body: ServiceCounts, o: RequestOptions = {}) =>
      call<CountsReceipt>('reportServiceCounts', { body, ...perRequest(o) }),
    submitPlan: (body: Plan, o: RequestOptions = {}) => call<PlanReceipt>('submitPlan', { body, ...perRequest(o) }),
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
    getIndicatorCatalog: () => call<IndicatorCatalogDocument>('getIndicatorCatalog'),
    getOpenApiDocument: () => call<{ openapi: string; paths: Record<string, unknown> }>('getOpenApiDocument'),
    /** 503 with the same body when a store is down: see DdsApiError.text */
    getHealth: (o: Pick<RequestOptions, 'signal'> = {}) => call<Health>('getHealth', o),
  };
}

export type DdsClient = ReturnType<typeof ddsClient>;
