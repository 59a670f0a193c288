import { randomUUID } from 'node:crypto';
import { keyAccess } from '../../shared/adapters/access.js';
import { dynamoClient } from '../../shared/adapters/clients.js';
import { loadConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { resourceEnvOf } from '../../infra/topology.js';
import { makeIngestAssessment } from './ingest-assessment.js';

const config = loadConfig(process.env, resourceEnvOf('submissions', 'control'));
const ddb = dynamoClient(config);

export const handler = makeIngestAssessment({
  ...keyAccess(ddb, config),
  submissions: dynamoSubmissionStore(ddb, config.resources),
  logger: createLogger('ingestAssessment'),
  now: () => new Date(),
  newId: randomUUID,
});
