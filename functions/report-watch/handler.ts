import { documentClient } from '../../shared/adapters/clients.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { functionMetrics } from '../../shared/adapters/metrics.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { makeReportWatch } from './report-watch.js';

const config = functionConfig('reportWatch');

export const handler = makeReportWatch({
  projections: dynamoProjectionStore(documentClient(config), config.resources.projections),
  logger: createLogger('reportWatch'),
  metrics: functionMetrics('reportWatch'),
});
