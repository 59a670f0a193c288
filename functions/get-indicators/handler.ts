import { keyAccess } from '../../shared/adapters/access.js';
import { dynamoClient } from '../../shared/adapters/clients.js';
import { loadConfig } from '../../shared/adapters/config.js';
import { dynamoEloketRegistry } from '../../shared/adapters/eloket-registry.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { resourceEnvOf } from '../../infra/topology.js';
import { makeGetIndicators } from './get-indicators.js';

const config = loadConfig(process.env, resourceEnvOf('projections', 'control'));
const ddb = dynamoClient(config);

export const handler = makeGetIndicators({
  ...keyAccess(ddb, config),
  projections: dynamoProjectionStore(ddb, config.resources.projections),
  eloketten: dynamoEloketRegistry(ddb, config.resources.control),
  logger: createLogger('getIndicators'),
});
