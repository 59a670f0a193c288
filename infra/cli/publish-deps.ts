// What publishing a period's reports needs, from the stores a command was
// given: the `report` command, and erasure, which republishes the reports
// that showed the comments it erased.
import { randomUUID } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { dynamoCommentStore } from '../../shared/adapters/comment-store.js';
import { dynamoEloketRegistry } from '../../shared/adapters/eloket-registry.js';
import { dynamoFeedbackStrategyProjections } from '../../shared/adapters/feedback-strategy-projections.js';
import { dynamoMaturityThemes } from '../../shared/adapters/maturity-themes.js';
import { s3ObjectStore } from '../../shared/adapters/object-store.js';
import { dynamoOrganisationRegistry } from '../../shared/adapters/organisation-registry.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import type { PublishDeps } from '../../shared/use-cases/publish-reports.js';
import type { ResourceName } from '../topology.js';

export function publishDepsOf(
  stores: { ddb: DynamoDBDocumentClient; s3: S3Client; names: Record<ResourceName, string> },
  o: { codeVersion: string; today: string; now?: () => Date },
): PublishDeps {
  const { ddb, s3, names } = stores;
  return {
    projections: dynamoProjectionStore(ddb, names.projections),
    submissions: dynamoSubmissionStore(ddb, { submissions: names.submissions }),
    eloketten: dynamoEloketRegistry(ddb, names.control),
    organisations: dynamoOrganisationRegistry(ddb, names.control),
    feedbackProjections: dynamoFeedbackStrategyProjections(ddb, names.projections),
    comments: dynamoCommentStore(ddb, names.feedbackComments),
    themes: dynamoMaturityThemes(ddb, names.control),
    objects: s3ObjectStore(s3),
    buckets: { publicReports: names.publicReports, committeeReports: names.committeeReports },
    codeVersion: o.codeVersion,
    newId: randomUUID,
    now: o.now ?? (() => new Date()),
    today: () => o.today,
  };
}
