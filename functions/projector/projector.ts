// Stream consumer: recompute what a stored submission touches from what is
// stored — a service's projection from all its assessments, an e-loket
// period's figures from its latest report version. Recomputing (never
// incrementing) makes a replayed, duplicated or late record harmless.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import type { DynamoDBRecord, DynamoDBStreamEvent, DynamoDBBatchResponse } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { projectService } from '../../shared/domain/service-view.js';
import { summarize } from '../../shared/domain/service-counts.js';
import type { ProjectionStore } from '../../shared/adapters/projection-store.js';
import type { SubmissionStore } from '../../shared/adapters/submission-store.js';
import { itemToEvent } from '../../shared/adapters/submission-items.js';
import { isEvent } from '../../events/index.js';

export interface ProjectorDeps {
  submissions: SubmissionStore;
  projections: ProjectionStore;
  logger: Logger;
}

export async function projectServiceOf(deps: Omit<ProjectorDeps, 'logger'>, organisationId: string, serviceId: string) {
  const projection = projectService(await deps.submissions.listServiceAssessments(organisationId, serviceId));
  if (!projection) throw new Error(`no stored assessment of ${organisationId}/${serviceId} is readable yet`);
  return deps.projections.putService(projection);
}

export async function projectCountsOf(deps: Omit<ProjectorDeps, 'logger'>, eloket: string, period: string) {
  const latest = await deps.submissions.latestServiceCounts(eloket, period);
  if (!latest) throw new Error(`no stored counts of ${eloket} for ${period} are readable yet`);
  const p = latest.payload;
  return deps.projections.putCounts({
    eloket,
    period,
    version: p.version,
    reportId: p.reportId,
    submittedAt: p.submittedAt,
    summary: summarize(p.counts),
  });
}

export function makeProjector(deps: ProjectorDeps) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);

  async function onRecord(record: DynamoDBRecord): Promise<void> {
    const image = record.dynamodb?.NewImage;
    if (!image) return; // removals carry nothing to project
    const event = itemToEvent(image as Record<string, AttributeValue>);
    if (isEvent(event, 'AssessmentSubmitted')) {
      const { organisationId, serviceId } = event.payload.submission;
      const outcome = await projectServiceOf(deps, organisationId, serviceId);
      deps.logger.debug('service projected', { organisationId, serviceId, outcome });
    } else if (isEvent(event, 'ServiceCountsReported')) {
      const { eloket, period } = event.payload;
      const outcome = await projectCountsOf(deps, eloket, period);
      deps.logger.debug('counts projected', { eloket, period, outcome });
    }
  }

  return middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(injectLambdaContext(deps.logger))
    .handler(async (event, context) => processPartialResponse(event, onRecord, processor, { context }));
}
