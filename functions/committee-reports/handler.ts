import { dynamoClient, s3Client } from '../../shared/adapters/clients.js';
import { loadConfig } from '../../shared/adapters/config.js';
import { cachedKeyStore, dynamoKeyStore } from '../../shared/adapters/key-store.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { s3ObjectStore } from '../../shared/adapters/object-store.js';
import { dynamoRateLimiter } from '../../shared/adapters/rate-limiter.js';
import { resourceEnvOf } from '../../infra/topology.js';
import { makeCommitteeReports } from './committee-reports.js';

const config = loadConfig(process.env, resourceEnvOf('control', 'committeeReports'));
const ddb = dynamoClient(config);

export const handler = makeCommitteeReports({
  keys: cachedKeyStore(dynamoKeyStore(ddb, config.resources.control)),
  limiter: dynamoRateLimiter(ddb, config.resources.control, { perMinute: config.DDS_RATE_LIMIT_PER_MINUTE }),
  objects: s3ObjectStore(s3Client(config)),
  bucket: config.resources.committeeReports,
  logger: createLogger('committeeReports'),
});
