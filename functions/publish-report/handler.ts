import { randomUUID } from 'node:crypto';
import { documentClient } from '../../shared/adapters/clients.js';
import { s3Client } from '../../shared/adapters/s3-client.js';
import { systemClock } from '../../shared/adapters/clock.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { dynamoFailureNotes } from '../../shared/adapters/failure-notes.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { functionMetrics } from '../../shared/adapters/metrics.js';
import { publishStores } from '../../shared/adapters/publish-stores.js';
import { makePublishReport } from './publish-report.js';

const config = functionConfig('publishReport');
const ddb = documentClient(config);

export const handler = makePublishReport({
  ...publishStores(ddb, s3Client(config), config.resources),
  codeVersion: config.DDS_CODE_VERSION,
  newId: randomUUID,
  ...systemClock(config.DDS_TODAY),
  failures: dynamoFailureNotes(ddb, config.resources.control),
  logger: createLogger('publishReport'),
  metrics: functionMetrics('publishReport'),
});
