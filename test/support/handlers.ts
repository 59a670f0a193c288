// The real handlers wired to the stand-ins, as their handler.ts files wire them in Lambda.
import { randomUUID } from 'node:crypto';
import { makeIngestServiceCounts } from '../../functions/ingest-service-counts/ingest-service-counts.js';
import { makeIngestAssessment } from '../../functions/ingest-assessment/ingest-assessment.js';
import { makeGetIndicatorCatalog } from '../../functions/get-indicator-catalog/get-indicator-catalog.js';
import { makeGetService } from '../../functions/get-service/get-service.js';
import { makeRecordDecision } from '../../functions/record-decision/record-decision.js';
import { makeSubmitPlan } from '../../functions/submit-plan/submit-plan.js';
import { makeGetIndicators } from '../../functions/get-indicators/get-indicators.js';
import { makeGetIndicatorSeries } from '../../functions/get-indicator-series/get-indicator-series.js';
import { makeProjector } from '../../functions/projector/projector.js';
import { makePublishReport } from '../../functions/publish-report/publish-report.js';
import { makeRequestReport } from '../../functions/request-report/request-report.js';
import { makeReportStatus } from '../../functions/report-status/report-status.js';
import { makeCommitteeReports } from '../../functions/committee-reports/committee-reports.js';
import { dynamoCommentStore } from '../../shared/adapters/comment-store.js';
import { dynamoEloketRegistry } from '../../shared/adapters/eloket-registry.js';
import { dynamoFeedbackStrategyProjections } from '../../shared/adapters/feedback-strategy-projections.js';
import { dynamoMaturityThemes } from '../../shared/adapters/maturity-themes.js';
import { dynamoOrganisationRegistry } from '../../shared/adapters/organisation-registry.js';
import { dynamoAuthFailureThrottle, dynamoRateLimiter } from '../../shared/adapters/rate-limiter.js';
import { dynamoIndicatorCatalogStore, storedIndicatorCatalogs } from '../../shared/adapters/indicator-catalog-store.js';
import { dynamoKeyStore, type KeyStore } from '../../shared/adapters/key-store.js';
import { dynamoFailureNotes } from '../../shared/adapters/failure-notes.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { functionMetrics, type MetricsSink } from '../../shared/adapters/metrics.js';
import { s3ObjectStore, type ObjectStore } from '../../shared/adapters/object-store.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { lambdaContext } from '../../infra/local/lambda-context.js';
import { systemClock } from '../../shared/adapters/clock.js';
import type { AssessmentSubmittedV2 } from '../../events/assessment-submitted.js';
import type { StoredAssessment } from '../../shared/domain/service-view.js';
import { projectEvent } from '../../shared/use-cases/project.js';
import type { Context, DynamoDBRecord } from 'aws-lambda';
import { StreamPoller } from '../../infra/local/stream-poller.js';
import { functions } from '../../infra/topology.js';
import type { standIns } from './stand-ins.js';

export type StandIns = Awaited<ReturnType<typeof standIns>>;

export function wire(
  s: StandIns,
  o: {
    now?: () => Date;
    today?: string;
    objects?: ObjectStore;
    perMinute?: number;
    authFailuresPerMinute?: number;
    keys?: KeyStore;
    metrics?: MetricsSink;
  } = {},
) {
  const clock = systemClock(o.today, o.now);
  const { now, today } = clock;
  const keys = o.keys ?? dynamoKeyStore(s.doc, s.name('control'));
  const limiter = dynamoRateLimiter(s.doc, s.name('control'), { perMinute: o.perMinute ?? 10_000, now });
  const authFailures = dynamoAuthFailureThrottle(s.doc, s.name('control'), { perMinute: o.authFailuresPerMinute ?? 10_000, now });
  const submissions = dynamoSubmissionStore(s.doc, { submissions: s.name('submissions'), control: s.name('control') });
  const projections = dynamoProjectionStore(s.doc, s.name('projections'));
  const objects = o.objects ?? s3ObjectStore(s.s3);
  const logger = createLogger('test');
  const metrics = o.metrics ?? functionMetrics('test');
  const failures = dynamoFailureNotes(s.doc, s.name('control'), now);
  const eloketten = dynamoEloketRegistry(s.doc, s.name('control'));
  const organisations = dynamoOrganisationRegistry(s.doc, s.name('control'));
  const indicatorCatalogStore = dynamoIndicatorCatalogStore(s.doc, s.name('control'));
  const indicatorCatalogs = storedIndicatorCatalogs(indicatorCatalogStore);
  const publishDeps = {
    projections,
    submissions,
    eloketten,
    organisations,
    feedbackProjections: dynamoFeedbackStrategyProjections(s.doc, s.name('projections')),
    comments: dynamoCommentStore(s.doc, s.name('feedbackComments')),
    themes: dynamoMaturityThemes(s.doc, s.name('control')),
    indicatorCatalogs,
    objects,
    buckets: { publicReports: s.name('publicReports'), committeeReports: s.name('committeeReports') },
    codeVersion: 'test',
    newId: randomUUID,
    now,
    today,
  };
  return {
    keys,
    limiter,
    authFailures,
    organisations,
    submissions,
    projections,
    objects,
    publishDeps,
    indicatorCatalogStore,
    ingest: makeIngestAssessment({ keys, limiter, authFailures, submissions, logger, now, today, newId: randomUUID, indicatorCatalogs }),
    getService: makeGetService({ keys, limiter, authFailures, submissions, projections, organisations, indicatorCatalogs, today, logger }),
    getIndicatorCatalog: makeGetIndicatorCatalog({ logger, indicatorCatalogs, today }),
    submitPlan: makeSubmitPlan({ keys, limiter, authFailures, submissions, logger, now, today, newId: randomUUID }),
    recordDecision: makeRecordDecision({
      keys,
      limiter,
      authFailures,
      submissions,
      assessments: projections,
      logger,
      now,
      today,
      newId: randomUUID,
    }),
    eloketten,
    ingestCounts: makeIngestServiceCounts({
      keys,
      limiter,
      authFailures,
      submissions,
      eloketten,
      organisations,
      logger,
      now,
      newId: randomUUID,
    }),
    getIndicators: makeGetIndicators({ keys, limiter, authFailures, projections, eloketten, logger }),
    getIndicatorSeries: makeGetIndicatorSeries({ keys, limiter, authFailures, projections, submissions, eloketten, organisations, logger }),
    requestReport: makeRequestReport({ keys, limiter, authFailures, submissions, logger, now, today, newId: randomUUID }),
    reportStatus: makeReportStatus({ keys, limiter, authFailures, submissions, projections, logger }),
    committeeReports: makeCommitteeReports({ keys, limiter, authFailures, objects, bucket: s.name('committeeReports'), logger }),
    failures,
    projector: makeProjector({ submissions, projections, logger, metrics, failures }),
    publishReport: makePublishReport({ ...publishDeps, logger, metrics, failures }),
    context: (name = 'test') => lambdaContext(name, 30, 512),
  };
}

/** Stores assessments as the API would (their events) and projects them as the stream would. */
export async function storeAndProject(app: ReturnType<typeof wire>, list: readonly StoredAssessment[]): Promise<void> {
  for (const a of list) {
    const event: AssessmentSubmittedV2 = {
      metadata: { eventId: randomUUID(), type: 'AssessmentSubmitted', version: 2, occurredAt: a.submittedAt },
      payload: { assessmentId: a.assessmentId, submittedAt: a.submittedAt, submission: a.submission },
    };
    await app.submissions.putAssessment(event);
    await projectEvent(app, event);
  }
}

/** The projector fed by the table's stream, as the local runner and Lambda feed it; drains what it has not seen. */
export function drainProjector(s: StandIns, app: ReturnType<typeof wire>, timeoutMs?: number): Promise<void> {
  return new StreamPoller({
    ddb: s.ddb,
    streams: s.streams,
    region: s.settings.AWS_REGION,
    dataDir: s.settings.dataDir,
    consumers: [
      {
        name: 'projector',
        trigger: functions.projector.stream,
        tableName: s.name('submissions'),
        handler: app.projector as unknown as (e: { Records: DynamoDBRecord[] }, c: Context) => Promise<unknown>,
        context: () => app.context('projector'),
      },
    ],
  }).drain(timeoutMs);
}
