// The stores publishing a period's reports reads and writes, built in one
// place from the clients and the resource names: the publisher's Lambda, the
// CLI (report, erasure, a dead-letter redrive) and the bench use the same.
import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PublishDeps } from '../use-cases/publish-reports.js';
import { dynamoCommentStore } from './comment-store.js';
import { dynamoEloketRegistry } from './eloket-registry.js';
import { dynamoFeedbackStrategyProjections } from './feedback-strategy-projections.js';
import { dynamoIndicatorCatalogStore, storedIndicatorCatalogs } from './indicator-catalog-store.js';
import { dynamoMaturityThemes } from './maturity-themes.js';
import { s3ObjectStore } from './object-store.js';
import { dynamoOrganisationRegistry } from './organisation-registry.js';
import { dynamoProjectionStore } from './projection-store.js';
import { dynamoSubmissionStore } from './submission-store.js';

export type PublishStoreNames = Record<
  'projections' | 'submissions' | 'control' | 'feedbackComments' | 'publicReports' | 'committeeReports',
  string
>;

export type PublishStores = Omit<PublishDeps, 'codeVersion' | 'newId' | 'now' | 'today'>;

export function publishStores(ddb: DynamoDBDocumentClient, s3: S3Client, names: PublishStoreNames): PublishStores {
  return {
    projections: dynamoProjectionStore(ddb, names.projections),
    submissions: dynamoSubmissionStore(ddb, { submissions: names.submissions }),
    eloketten: dynamoEloketRegistry(ddb, names.control),
    organisations: dynamoOrganisationRegistry(ddb, names.control),
    feedbackProjections: dynamoFeedbackStrategyProjections(ddb, names.projections),
    comments: dynamoCommentStore(ddb, names.feedbackComments),
    themes: dynamoMaturityThemes(ddb, names.control),
    indicatorCatalogs: storedIndicatorCatalogs(dynamoIndicatorCatalogStore(ddb, names.control)),
    objects: s3ObjectStore(s3),
    buckets: { publicReports: names.publicReports, committeeReports: names.committeeReports },
  };
}
