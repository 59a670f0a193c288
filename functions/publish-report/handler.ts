import { randomUUID } from 'node:crypto';
import { dynamoClient, s3Client } from '../../shared/adapters/clients.js';
import { loadConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { s3ObjectStore } from '../../shared/adapters/object-store.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { resourceEnvOf } from '../../infra/topology.js';
import { makePublishReport } from './publish-report.js';

const config = loadConfig(process.env, resourceEnvOf('projections', 'publicReports', 'committeeReports'));

export const handler = makePublishReport({
  projections: dynamoProjectionStore(dynamoClient(config), config.resources.projections),
  objects: s3ObjectStore(s3Client(config)),
  buckets: config.resources,
  codeVersion: config.DDS_CODE_VERSION,
  newId: randomUUID,
  now: () => new Date(),
  logger: createLogger('publishReport'),
});
