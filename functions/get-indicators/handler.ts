import { dynamoClient } from '../../shared/adapters/clients.js';
import { loadConfig } from '../../shared/adapters/config.js';
import { dynamoEloketRegistry } from '../../shared/adapters/eloket-registry.js';
import { cachedKeyStore, dynamoKeyStore } from '../../shared/adapters/key-store.js';
import { dynamoRateLimiter } from '../../shared/adapters/rate-limiter.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { resourceEnvOf } from '../../infra/topology.js';
import { makeGetIndicators } from './get-indicators.js';

const config = loadConfig(process.env, resourceEnvOf('projections', 'control'));
const ddb = dynamoClient(config);

export const handler = makeGetIndicators({
  keys: cachedKeyStore(dynamoKeyStore(ddb, config.resources.control)),
  limiter: dynamoRateLimiter(ddb, config.resources.control, { perMinute: config.DDS_RATE_LIMIT_PER_MINUTE }),
  projections: dynamoProjectionStore(ddb, config.resources.projections),
  eloketten: dynamoEloketRegistry(ddb, config.resources.control),
  logger: createLogger('getIndicators'),
  codeVersion: config.DDS_CODE_VERSION,
});
