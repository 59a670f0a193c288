import { keyAccess } from '../../shared/adapters/access.js';
import { dynamoClient, s3Client } from '../../shared/adapters/clients.js';
import { loadConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { s3ObjectStore } from '../../shared/adapters/object-store.js';
import { resourceEnvOf } from '../../infra/topology.js';
import { makeCommitteeReports } from './committee-reports.js';

const config = loadConfig(process.env, resourceEnvOf('control', 'committeeReports'));
const ddb = dynamoClient(config);

export const handler = makeCommitteeReports({
  ...keyAccess(ddb, config),
  objects: s3ObjectStore(s3Client(config)),
  bucket: config.resources.committeeReports,
  logger: createLogger('committeeReports'),
});
