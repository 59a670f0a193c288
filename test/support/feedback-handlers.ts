// The feedback, maturity and action-plan handlers wired to the stand-ins as
// their handler.ts files wire them in Lambda, with a projector that projects
// them, a stream drain, and helpers to build their requests.
import { randomUUID } from 'node:crypto';
import type { Context, DynamoDBRecord } from 'aws-lambda';
import { makeFeedbackForm } from '../../functions/feedback-form/feedback-form.js';
import { makeGetFeedback } from '../../functions/get-feedback/get-feedback.js';
import { makeGiveFeedback } from '../../functions/give-feedback/give-feedback.js';
import { makeIngestAssessment } from '../../functions/ingest-assessment/ingest-assessment.js';
import { makeProjector } from '../../functions/projector/projector.js';
import { makeRecordStrategyStatus } from '../../functions/record-strategy-status/record-strategy-status.js';
import { makeReportFeedback } from '../../functions/report-feedback/report-feedback.js';
import { makeSubmitMaturity } from '../../functions/submit-maturity/submit-maturity.js';
import { lambdaContext } from '../../infra/local/lambda-context.js';
import { StreamPoller } from '../../infra/local/stream-poller.js';
import { functions } from '../../infra/topology.js';
import { brusselsDate } from '../../shared/domain/today.js';
import { dynamoClientRateLimiter } from '../../shared/adapters/client-rate-limiter.js';
import { dynamoCommentStore } from '../../shared/adapters/comment-store.js';
import { dynamoFeedbackOrigins } from '../../shared/adapters/feedback-origins.js';
import { dynamoFeedbackStore, dynamoFeedbackStrategyEvents } from '../../shared/adapters/feedback-store.js';
import { dynamoFeedbackStrategyProjections } from '../../shared/adapters/feedback-strategy-projections.js';
import { dynamoIndicatorCatalogStore, storedIndicatorCatalogs } from '../../shared/adapters/indicator-catalog-store.js';
import { dynamoKeyStore } from '../../shared/adapters/key-store.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { functionMetrics } from '../../shared/adapters/metrics.js';
import { dynamoMaturityThemes } from '../../shared/adapters/maturity-themes.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { dynamoAuthFailureThrottle, dynamoRateLimiter } from '../../shared/adapters/rate-limiter.js';
import { dynamoServiceDirectory } from '../../shared/adapters/service-directory.js';
import { dynamoStrategyEventStore } from '../../shared/adapters/strategy-event-store.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { HttpEvent, HttpResult } from '../../shared/adapters/http.js';
import { assessment, httpEvent, jsonHeaders } from './fixtures.js';
import type { StandIns } from './handlers.js';

export function wireFeedback(s: StandIns, o: { now?: () => Date; perHour?: number; retentionDays?: number; logger?: Logger } = {}) {
  const now = o.now ?? (() => new Date());
  const perHour = o.perHour ?? 5;
  const retentionDays = o.retentionDays ?? 400;
  const logger = o.logger ?? createLogger('test');
  const control = s.name('control');
  const keys = dynamoKeyStore(s.doc, control);
  const limiter = dynamoRateLimiter(s.doc, control, { perMinute: 10_000, now });
  const authFailures = dynamoAuthFailureThrottle(s.doc, control, { perMinute: 10_000, now });
  const today = () => brusselsDate(now());
  const tables = { submissions: s.name('submissions'), feedbackComments: s.name('feedbackComments') };
  const services = dynamoServiceDirectory(s.doc, tables.submissions, s.name('projections'));
  const feedback = dynamoFeedbackStore(s.doc, tables, { retentionDays, today: brusselsDate });
  const submissions = dynamoSubmissionStore(s.doc, { submissions: tables.submissions, control });
  const projections = dynamoProjectionStore(s.doc, s.name('projections'));
  const feedbackProjections = dynamoFeedbackStrategyProjections(s.doc, s.name('projections'));
  const comments = dynamoCommentStore(s.doc, tables.feedbackComments);
  const origins = dynamoFeedbackOrigins(s.doc, control);
  const themes = dynamoMaturityThemes(s.doc, control);
  const indicatorCatalogs = storedIndicatorCatalogs(dynamoIndicatorCatalogStore(s.doc, control));
  const events = dynamoStrategyEventStore(s.doc, tables.submissions);
  const feedbackDeps = { events: dynamoFeedbackStrategyEvents(s.doc, tables), projections: feedbackProjections };
  const context = (name = 'test'): Context => lambdaContext(name, 30, 512);
  const projector = makeProjector({ submissions, projections, feedback: feedbackDeps, logger, metrics: functionMetrics('test') });
  const clients = dynamoClientRateLimiter(s.doc, control, { perHour, now });
  const app = {
    keys,
    submissions,
    projections,
    feedbackProjections,
    feedbackDeps,
    comments,
    origins,
    themes,
    context,
    projector,
    ingest: makeIngestAssessment({ keys, limiter, authFailures, submissions, logger, now, today, newId: randomUUID, indicatorCatalogs }),
    form: makeFeedbackForm({ services, retentionDays, logger }),
    give: makeGiveFeedback({ services, feedback, clients, origins, perHour, retentionDays, logger, now, newId: randomUUID }),
    report: makeReportFeedback({ keys, limiter, authFailures, feedback, services, logger, now, newId: randomUUID }),
    read: makeGetFeedback({ keys, limiter, authFailures, feedbackProjections, comments, retentionDays, logger, now }),
    maturity: makeSubmitMaturity({ keys, limiter, authFailures, themes, events, logger, now, newId: randomUUID }),
    status: makeRecordStrategyStatus({ keys, limiter, authFailures, events, logger, now, newId: randomUUID }),

    /** Runs the projector over everything the stream holds that it has not seen. */
    drain: () =>
      new StreamPoller({
        ddb: s.ddb,
        streams: s.streams,
        region: s.settings.AWS_REGION,
        dataDir: s.settings.dataDir,
        consumers: [
          {
            name: 'projector',
            trigger: functions.projector.stream,
            tableName: tables.submissions,
            handler: projector as unknown as (e: { Records: DynamoDBRecord[] }, c: Context) => Promise<unknown>,
            context: () => context('projector'),
          },
        ],
      }).drain(),

    /** A service becomes known by its first assessment. */
    async assess(key: string, organisationId: string, serviceId: string, name = 'Omgevingsvergunning aanvragen') {
      const base = assessment();
      const res = await app.ingest(
        httpEvent({
          routeKey: 'POST /v1/assessments',
          headers: jsonHeaders(key),
          // Assessed today by the test's own clock: never after it.
          body: JSON.stringify(assessment({ organisationId, serviceId, assessedOn: today(), service: { ...base.service, name } })),
        }),
        context(),
      );
      if (res.statusCode !== 201) throw new Error(`assessment refused: ${res.body}`);
    },

    /** A form post, as a browser sends it (API Gateway gives such a body base64-encoded). */
    postForm(
      organisationId: string,
      serviceId: string,
      fields: Record<string, string> | string,
      o: { ip?: string; headers?: Record<string, string> } = {},
    ) {
      const body = typeof fields === 'string' ? fields : new URLSearchParams(fields).toString();
      const event: HttpEvent = {
        ...httpEvent({
          routeKey: 'POST /v1/feedback/{organisationId}/{serviceId}',
          headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'test', ...o.headers },
          pathParameters: { organisationId, serviceId },
        }),
        body: Buffer.from(body, 'utf8').toString('base64'),
        isBase64Encoded: true,
      };
      event.requestContext.http.sourceIp = o.ip ?? '198.51.100.7';
      return app.give(event, context()) as Promise<HttpResult>;
    },

    /** A JSON post of one response. */
    postJson(organisationId: string, serviceId: string, body: unknown, o: { ip?: string; headers?: Record<string, string> } = {}) {
      const event = httpEvent({
        routeKey: 'POST /v1/feedback/{organisationId}/{serviceId}',
        headers: { 'content-type': 'application/json', host: 'test', ...o.headers },
        pathParameters: { organisationId, serviceId },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      event.requestContext.http.sourceIp = o.ip ?? '198.51.100.7';
      return app.give(event, context()) as Promise<HttpResult>;
    },

    /** GET /v1/feedback/{org}/{svc}?period= */
    getFeedback(key: string, organisationId: string, serviceId: string, period?: string, accept = 'application/json') {
      return app.read(
        httpEvent({
          routeKey: 'GET /v1/feedback/{organisationId}/{serviceId}',
          headers: { authorization: `Bearer ${key}`, accept },
          pathParameters: { organisationId, serviceId },
          ...(period ? { query: { period } } : {}),
        }),
        context(),
      ) as Promise<HttpResult>;
    },

    /** POST /v1/feedback: a provider's aggregates */
    postAggregates(key: string, body: unknown) {
      return app.report(
        httpEvent({ routeKey: 'POST /v1/feedback', headers: jsonHeaders(key), body: JSON.stringify(body) }),
        context(),
      ) as Promise<HttpResult>;
    },
  };
  return app;
}

export const bodyOf = (r: { body?: string }) => JSON.parse(r.body ?? 'null') as Record<string, any>;
