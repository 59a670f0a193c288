// Stream consumer: for each stored assessment, recompute its service's
// projection from all of that service's assessments. Recomputing (never
// incrementing) makes a replayed or duplicated record harmless.
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import type { DynamoDBRecord, DynamoDBStreamEvent, DynamoDBBatchResponse } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { projectService } from '../../shared/domain/service-view.js';
import type { ProjectionStore } from '../../shared/adapters/projection-store.js';
import type { SubmissionStore } from '../../shared/adapters/submission-store.js';
import { itemToEvent } from '../../shared/adapters/submission-items.js';
import type { AssessmentSubmittedV1 } from '../../events/assessment-submitted.js';

export interface ProjectorDeps {
  submissions: SubmissionStore;
  projections: ProjectionStore;
  logger: Logger;
}

export function makeProjector(deps: ProjectorDeps) {
  const processor = new BatchProcessor(EventType.DynamoDBStreams);

  async function onRecord(record: DynamoDBRecord): Promise<void> {
    const image = record.dynamodb?.NewImage;
    if (!image) return; // removals carry nothing to project
    const event = itemToEvent(image as Record<string, AttributeValue>);
    if (event.metadata.type !== 'AssessmentSubmitted') return;
    const { organisationId, serviceId } = (event.payload as AssessmentSubmittedV1['payload']).submission;
    const projection = projectService(await deps.submissions.listServiceAssessments(organisationId, serviceId));
    if (!projection) throw new Error(`assessment ${event.metadata.eventId} is not readable from the store yet`);
    const outcome = await deps.projections.putService(projection);
    deps.logger.debug('service projected', { organisationId, serviceId, outcome });
  }

  return middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
    .use(injectLambdaContext(deps.logger))
    .handler(async (event, context) => processPartialResponse(event, onRecord, processor, { context }));
}
