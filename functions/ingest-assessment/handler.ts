import { randomUUID } from 'node:crypto';
import { dynamoClient } from '../../shared/adapters/clients.js';
import { loadConfig } from '../../shared/adapters/config.js';
import { cachedKeyStore, dynamoKeyStore } from '../../shared/adapters/key-store.js';
import { dynamoRateLimiter } from '../../shared/adapters/rate-limiter.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { resourceEnvOf } from '../../infra/topology.js';
import { makeIngestAssessment } from './ingest-assessment.js';

const config = loadConfig(process.env, resourceEnvOf('submissions', 'control'));
const ddb = dynamoClient(config);

export const handler = makeIngestAssessment({
  keys: cachedKeyStore(dynamoKeyStore(ddb, config.resources.control)),
  limiter: dynamoRateLimiter(ddb, config.resources.control, { perMinute: config.DDS_RATE_LIMIT_PER_MINUTE }),
  submissions: dynamoSubmissionStore(ddb, config.resources),
  logger: createLogger('ingestAssessment'),
  now: () => new Date(),
  newId: randomUUID,
});
