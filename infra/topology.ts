// The topology, declared once: every function, what triggers it (routes,
// the submissions stream, schedules) and which resources it uses and how.
// The CDK stacks (infra/stacks) and the local runner (infra/local) are both
// derived from this file; test/unit/topology.test.ts proves they agree.
// Pure data: no CDK import, so handlers and the local runner can read it.
import type { Role } from '../shared/domain/vocabulary.js';

export type Access = 'read' | 'write' | 'readWrite';

/** Every table has the same key: a string partition key and a string sort key. */
export const TABLE_KEY = { partitionKey: 'pk', sortKey: 'sk' } as const;

export interface TableSpec {
  kind: 'table';
  env: string;
  /** the table's stream feeds consumers (NEW_IMAGE) */
  stream?: boolean;
  /** attribute holding an epoch-seconds expiry */
  ttlAttribute?: string;
  /** global secondary indexes, each on one string attribute (sparse: items without it are not indexed) */
  indexes?: ReadonlyArray<{ name: string; partitionKey: string }>;
  description: string;
}
export interface BucketSpec {
  kind: 'bucket';
  env: string;
  /** served to everyone (through CloudFront in AWS, /reports/ locally) */
  public: boolean;
  description: string;
}

export const resources = {
  submissions: { kind: 'table', env: 'SUBMISSIONS_TABLE', stream: true, description: 'Every accepted submission, stored as its event' },
  projections: {
    kind: 'table',
    env: 'PROJECTIONS_TABLE',
    // byAssessment: a decision names only its assessment; the index finds the assessment's row.
    // byKind: every item of one kind (shared/adapters/kind-index.ts), read without the others.
    indexes: [
      { name: 'byAssessment', partitionKey: 'assessmentId' },
      { name: 'byKind', partitionKey: 'kindShard' },
    ],
    description: 'Indicators recomputed from the submissions',
  },
  control: {
    kind: 'table',
    env: 'CONTROL_TABLE',
    ttlAttribute: 'expiresAt',
    description: "API key hashes, idempotency records and the stream consumers' failure notes",
  },
  publicReports: { kind: 'bucket', env: 'PUBLIC_BUCKET', public: true, description: 'Public transparency reports' },
  committeeReports: { kind: 'bucket', env: 'COMMITTEE_BUCKET', public: false, description: 'Private steering-committee reports' },
  feedbackComments: {
    kind: 'table',
    env: 'FEEDBACK_COMMENTS_TABLE',
    ttlAttribute: 'expiresAt',
    description: "Users' feedback comments (personal data, masked), apart from the figures; each expires after the retention period",
  },
} as const satisfies Record<string, TableSpec | BucketSpec>;

export type ResourceName = keyof typeof resources;
export type TableName = { [K in ResourceName]: (typeof resources)[K]['kind'] extends 'table' ? K : never }[ResourceName];

/**
 * Who may call a route. `public`: anyone, no key. Otherwise an API key whose
 * role is listed (admin may call every route), checked with the per-key rate
 * limit by the one guard every HTTP function goes through
 * (shared/adapters/http-function.ts). `basic`: a browser may send the key as
 * the password of HTTP Basic, so a person can open the page.
 */
export type RouteAuth = 'public' | { roles: readonly Role[]; basic?: boolean };

export interface Route {
  method: 'GET' | 'POST' | 'OPTIONS';
  /** API Gateway path syntax: /v1/services/{organisationId}/{serviceId} */
  path: string;
  auth: RouteAuth;
  /** a route's own API Gateway throttling (requests per second), below the stage's */
  throttle?: { rateLimit: number; burstLimit: number };
}
export interface StreamTrigger {
  table: TableName;
  /** event types (the item's `type`) this consumer receives; others are filtered out before delivery */
  eventTypes: string[];
  batchSize: number;
  maxRetries: number;
}
export interface CronSpec {
  minute: string;
  hour: string;
  day: string;
  month: string;
}
export interface ScheduleTrigger {
  id: string;
  description: string;
  cron: CronSpec;
}
export interface FunctionSpec {
  entry: string;
  description: string;
  memoryMb: number;
  timeoutSeconds: number;
  routes?: Route[];
  stream?: StreamTrigger;
  schedules?: ScheduleTrigger[];
  uses: Partial<Record<ResourceName, Access>>;
  /**
   * The function names the public reports' addresses: it gets DDS_PUBLIC_REPORTS_URL
   * (CloudFront's address in AWS; locally unset, the API serves them itself).
   */
  publicReportsUrl?: boolean;
}

export const functions = {
  ingestAssessment: {
    entry: 'functions/ingest-assessment/handler.ts',
    description: 'POST /v1/assessments: validate, score and store an assessment',
    memoryMb: 512,
    timeoutSeconds: 10,
    routes: [{ method: 'POST', path: '/v1/assessments', auth: { roles: ['service-provider'] } }],
    uses: { submissions: 'write', control: 'readWrite' },
  },
  ingestServiceCounts: {
    entry: 'functions/ingest-service-counts/handler.ts',
    description: "POST /v1/service-counts: store an e-loket's report for a period (a correction replaces it)",
    memoryMb: 512,
    timeoutSeconds: 15,
    routes: [{ method: 'POST', path: '/v1/service-counts', auth: { roles: ['eloket-operator'] } }],
    // Reads the latest version of the period to allocate the next one.
    uses: { submissions: 'readWrite', control: 'readWrite' },
  },
  submitPlan: {
    entry: 'functions/submit-plan/handler.ts',
    description: "POST /v1/plans: store a provider's yearly plan (a correction replaces it)",
    memoryMb: 512,
    timeoutSeconds: 10,
    routes: [{ method: 'POST', path: '/v1/plans', auth: { roles: ['service-provider'] } }],
    // Reads the latest version of the plan to allocate the next one.
    uses: { submissions: 'readWrite', control: 'readWrite' },
  },
  recordDecision: {
    entry: 'functions/record-decision/handler.ts',
    description: "POST /v1/decisions: record the steering committee's decision on an assessment",
    memoryMb: 256,
    timeoutSeconds: 10,
    routes: [{ method: 'POST', path: '/v1/decisions', auth: { roles: ['steering-committee'] } }],
    // projections: finds the assessment by its id
    uses: { submissions: 'write', projections: 'read', control: 'readWrite' },
  },
  getService: {
    entry: 'functions/get-service/handler.ts',
    description: "GET /v1/services/{organisationId}/{serviceId}: a service's latest scores and history",
    memoryMb: 256,
    timeoutSeconds: 10,
    // A provider reads only its own organisation's services: the use case checks the scope.
    routes: [
      { method: 'GET', path: '/v1/services/{organisationId}/{serviceId}', auth: { roles: ['service-provider', 'steering-committee'] } },
    ],
    // control: key lookup and the per-key request counter, the policy domains and the indicator catalog;
    // projections: the service's plan entry, and every service's latest rows for its peers
    uses: { submissions: 'read', projections: 'read', control: 'readWrite' },
  },
  getIndicators: {
    entry: 'functions/get-indicators/handler.ts',
    description: 'GET /v1/indicators?period=…: the indicator overview for the committee',
    // It reads every service's rows on each request, as the series does: the same memory (and so CPU) and time.
    // At 50,000 services 512 MB and 15 s were not enough (docs/performance.md, the ingest curve).
    memoryMb: 1024,
    timeoutSeconds: 29,
    routes: [{ method: 'GET', path: '/v1/indicators', auth: { roles: ['steering-committee'] } }],
    uses: { projections: 'read', control: 'readWrite' },
  },
  getIndicatorSeries: {
    entry: 'functions/get-indicator-series/handler.ts',
    description: 'GET /v1/indicators/series: figures over time, per e-loket, target group, organisation, policy domain or principle',
    memoryMb: 1024,
    timeoutSeconds: 29,
    // A provider may read its own organisation's series only: the use case checks the scope.
    routes: [{ method: 'GET', path: '/v1/indicators/series', auth: { roles: ['steering-committee', 'service-provider'] } }],
    // projections: the e-loket periods and the assessment rows; submissions: the rows of the projected counts
    // versions, read by key; control: keys, the request counter, the e-loket and organisation registers
    uses: { projections: 'read', submissions: 'read', control: 'readWrite' },
  },
  publicDocs: {
    entry: 'functions/public-docs/handler.ts',
    description: 'The criteria catalog, the OpenAPI document and the health check',
    memoryMb: 256,
    timeoutSeconds: 5,
    routes: [
      { method: 'GET', path: '/v1/criteria', auth: 'public' },
      { method: 'GET', path: '/v1/openapi.json', auth: 'public' },
      { method: 'GET', path: '/health', auth: 'public' },
    ],
    // /health reads one key of the control table and lists the public bucket: is each store there?
    uses: { control: 'read', publicReports: 'read' },
  },
  getIndicatorCatalog: {
    entry: 'functions/get-indicator-catalog/handler.ts',
    description: 'GET /v1/indicator-catalog: every version of the operational-indicator catalog (public)',
    memoryMb: 256,
    timeoutSeconds: 5,
    routes: [{ method: 'GET', path: '/v1/indicator-catalog', auth: 'public' }],
    // control: the versions the committee imported
    uses: { control: 'read' },
  },
  requestReport: {
    entry: 'functions/request-report/handler.ts',
    description: 'POST /v1/reports: record a report request for a period',
    memoryMb: 256,
    timeoutSeconds: 10,
    routes: [{ method: 'POST', path: '/v1/reports', auth: { roles: ['steering-committee'] } }],
    uses: { submissions: 'write', control: 'readWrite' },
  },
  committeeReports: {
    entry: 'functions/committee-reports/handler.ts',
    description: "GET /committee/…: the steering committee's private reports, for committee keys only",
    memoryMb: 512,
    timeoutSeconds: 10,
    // /committee is the list of every period (API Gateway routes /committee/ here too); the rest are report files.
    routes: [
      { method: 'GET', path: '/committee', auth: { roles: ['steering-committee'], basic: true } },
      { method: 'GET', path: '/committee/{proxy+}', auth: { roles: ['steering-committee'], basic: true } },
    ],
    uses: { control: 'readWrite', committeeReports: 'read' },
  },
  reportStatus: {
    entry: 'functions/report-status/handler.ts',
    description: 'GET /v1/reports/{reportId}: whether a requested report is pending, published (where) or failed (why)',
    memoryMb: 256,
    timeoutSeconds: 10,
    routes: [{ method: 'GET', path: '/v1/reports/{reportId}', auth: { roles: ['steering-committee'] } }],
    // submissions: the request itself (pending until the publisher records an outcome); projections: that outcome
    uses: { submissions: 'read', projections: 'read', control: 'readWrite' },
    publicReportsUrl: true,
  },
  projector: {
    entry: 'functions/projector/handler.ts',
    description: "Recomputes a service's, or an e-loket period's, indicators from what is stored",
    memoryMb: 512,
    timeoutSeconds: 60,
    stream: {
      table: 'submissions',
      eventTypes: [
        'AssessmentSubmitted',
        'ServiceCountsReported',
        'PlanSubmitted',
        'DecisionRecorded',
        'FeedbackGiven',
        'FeedbackReported',
        'MaturityScanned',
        'ActionStatusChanged',
      ],
      batchSize: 100,
      maxRetries: 5,
    },
    // projections read too: a month's feedback is recomputed from its days' tallies;
    // control: a note per record that fails (what and why), for the dead-letter listing in AWS
    uses: { submissions: 'read', projections: 'readWrite', control: 'write' },
  },
  publishReport: {
    entry: 'functions/publish-report/handler.ts',
    description: 'Builds and publishes the public and committee reports of a period',
    memoryMb: 1024,
    timeoutSeconds: 300,
    stream: { table: 'submissions', eventTypes: ['ReportRequested'], batchSize: 1, maxRetries: 3 },
    // On the first day of each month for the month before, and on a quarter's first day also for that quarter.
    schedules: [
      {
        id: 'MonthlyReports',
        description: 'Reports for the month (and quarter) that just ended',
        cron: { minute: '0', hour: '5', day: '1', month: '*' },
      },
    ],
    // submissions: the explanations' texts are read from the stored assessments;
    // control: the e-loket and organisation registers, the maturity themes' names, and a note per record that fails;
    // feedbackComments: the committee's report shows the comments;
    // publicReports: latest/ is copied in S3 from the period's files, and a copy reads its source
    uses: {
      submissions: 'read',
      projections: 'readWrite',
      control: 'readWrite',
      feedbackComments: 'read',
      publicReports: 'readWrite',
      committeeReports: 'write',
    },
  },
  reportWatch: {
    entry: 'functions/report-watch/handler.ts',
    description: 'Daily: counts the periods whose reports were due by the 2nd of the month and are not published (ReportsMissing)',
    memoryMb: 256,
    timeoutSeconds: 30,
    schedules: [
      {
        id: 'DailyReportWatch',
        description: 'Are the reports the monthly run was to publish there?',
        cron: { minute: '0', hour: '6', day: '*', month: '*' },
      },
    ],
    // reads only the publication records
    uses: { projections: 'read' },
  },
  // ---- The feedback instrument (actions 14 and 21), the maturity scan, the action plan ----
  feedbackForm: {
    entry: 'functions/feedback-form/handler.ts',
    description: 'GET /feedback/…: the public feedback form of a service and its thank-you page, in Dutch',
    memoryMb: 256,
    timeoutSeconds: 5,
    routes: [
      { method: 'GET', path: '/feedback/{organisationId}/{serviceId}', auth: 'public', throttle: { rateLimit: 20, burstLimit: 40 } },
      {
        method: 'GET',
        path: '/feedback/{organisationId}/{serviceId}/bedankt',
        auth: 'public',
        throttle: { rateLimit: 20, burstLimit: 40 },
      },
    ],
    // submissions and projections: is the service known (an assessment or a plan), and its name
    uses: { submissions: 'read', projections: 'read' },
  },
  giveFeedback: {
    entry: 'functions/give-feedback/handler.ts',
    description: 'POST /v1/feedback/{organisationId}/{serviceId}: one response from the public form (no key; limited per client)',
    memoryMb: 256,
    timeoutSeconds: 5,
    routes: [
      { method: 'POST', path: '/v1/feedback/{organisationId}/{serviceId}', auth: 'public', throttle: { rateLimit: 10, burstLimit: 20 } },
      // CORS preflight: only the origins registered for the service get an answer that lets a browser post JSON
      { method: 'OPTIONS', path: '/v1/feedback/{organisationId}/{serviceId}', auth: 'public', throttle: { rateLimit: 10, burstLimit: 20 } },
    ],
    // submissions: known service, and the response; feedbackComments: its comment in the same transaction;
    // control: the per-client counters and the registered origins
    uses: { submissions: 'readWrite', projections: 'read', feedbackComments: 'write', control: 'readWrite' },
  },
  reportFeedback: {
    entry: 'functions/report-feedback/handler.ts',
    description: "POST /v1/feedback: a provider's feedback aggregates for a period (per service, a correction replaces)",
    memoryMb: 256,
    timeoutSeconds: 10,
    routes: [{ method: 'POST', path: '/v1/feedback', auth: { roles: ['service-provider'] } }],
    // feedbackComments read too: a correction deletes the comments of the aggregate it replaces
    uses: { submissions: 'readWrite', projections: 'read', feedbackComments: 'readWrite', control: 'readWrite' },
  },
  getFeedback: {
    entry: 'functions/get-feedback/handler.ts',
    description: "GET /v1/feedback/{organisationId}/{serviceId}?period=…: a service's feedback figures and comments (owner or committee)",
    memoryMb: 256,
    timeoutSeconds: 10,
    routes: [
      {
        method: 'GET',
        path: '/v1/feedback/{organisationId}/{serviceId}',
        auth: { roles: ['service-provider', 'steering-committee'] },
      },
    ],
    uses: { projections: 'read', feedbackComments: 'read', control: 'readWrite' },
  },
  submitMaturity: {
    entry: 'functions/submit-maturity/handler.ts',
    description: "POST /v1/maturity: an organisation's maturity self-scan for a year",
    memoryMb: 256,
    timeoutSeconds: 10,
    routes: [{ method: 'POST', path: '/v1/maturity', auth: { roles: ['service-provider'] } }],
    // control: keys, and the registered themes
    uses: { submissions: 'write', control: 'readWrite' },
  },
  recordStrategyStatus: {
    entry: 'functions/record-strategy-status/handler.ts',
    description: "POST /v1/actions/{n}/status and /v1/support-tools/{id}/status: the committee records the action plan's progress",
    memoryMb: 256,
    timeoutSeconds: 10,
    routes: [
      { method: 'POST', path: '/v1/actions/{n}/status', auth: { roles: ['steering-committee'] } },
      { method: 'POST', path: '/v1/support-tools/{id}/status', auth: { roles: ['steering-committee'] } },
    ],
    uses: { submissions: 'write', control: 'readWrite' },
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof functions;

export const functionSpecs = (): Array<[FunctionName, FunctionSpec]> => Object.entries(functions) as Array<[FunctionName, FunctionSpec]>;
