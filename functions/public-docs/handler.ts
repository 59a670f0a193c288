import { documentClient } from '../../shared/adapters/clients.js';
import { s3Client } from '../../shared/adapters/s3-client.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { storeHealth } from '../../shared/adapters/store-health.js';
import { makePublicDocs } from './public-docs.js';

const config = functionConfig('publicDocs');

export const handler = makePublicDocs({
  logger: createLogger('publicDocs'),
  codeVersion: config.DDS_CODE_VERSION,
  health: storeHealth({
    doc: documentClient(config),
    table: config.resources.control,
    s3: s3Client(config),
    bucket: config.resources.publicReports,
  }),
});
