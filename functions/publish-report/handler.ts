import { randomUUID } from 'node:crypto';
import { documentClient, s3Client } from '../../shared/adapters/clients.js';
import { systemClock } from '../../shared/adapters/clock.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { dynamoFailureNotes } from '../../shared/adapters/failure-notes.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { functionMetrics } from '../../shared/adapters/metrics.js';
import { dynamoEloketRegistry } from '../../shared/adapters/eloket-registry.js';
import { dynamoOrganisationRegistry } from '../../shared/adapters/organisation-registry.js';
import { s3ObjectStore } from '../../shared/adapters/object-store.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { makePublishReport } from './publish-report.js';

const config = functionConfig('publishReport');
const ddb = documentClient(config);

export const handler = makePublishReport({
  projections: dynamoProjectionStore(ddb, config.resources.projections),
  submissions: dynamoSubmissionStore(ddb, { submissions: config.resources.submissions }),
  eloketten: dynamoEloketRegistry(ddb, config.resources.control),
  organisations: dynamoOrganisationRegistry(ddb, config.resources.control),
  objects: s3ObjectStore(s3Client(config)),
  buckets: config.resources,
  codeVersion: config.DDS_CODE_VERSION,
  newId: randomUUID,
  ...systemClock(config.DDS_TODAY),
  failures: dynamoFailureNotes(ddb, config.resources.control),
  logger: createLogger('publishReport'),
  metrics: functionMetrics('publishReport'),
});
