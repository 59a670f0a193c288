import { keyAccess } from '../../shared/adapters/access.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { dynamoEloketRegistry } from '../../shared/adapters/eloket-registry.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { makeGetIndicators } from './get-indicators.js';

const config = functionConfig('getIndicators');
const ddb = documentClient(config);

export const handler = makeGetIndicators({
  ...keyAccess(ddb, config),
  projections: dynamoProjectionStore(ddb, config.resources.projections),
  eloketten: dynamoEloketRegistry(ddb, config.resources.control),
  logger: createLogger('getIndicators'),
});
