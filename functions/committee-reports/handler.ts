import { keyAccess } from '../../shared/adapters/access.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { s3Client } from '../../shared/adapters/s3-client.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { s3ObjectStore } from '../../shared/adapters/object-store.js';
import { makeCommitteeReports } from './committee-reports.js';

const config = functionConfig('committeeReports');

export const handler = makeCommitteeReports({
  ...keyAccess(documentClient(config), config),
  objects: s3ObjectStore(s3Client(config)),
  bucket: config.resources.committeeReports,
  logger: createLogger('committeeReports'),
});
