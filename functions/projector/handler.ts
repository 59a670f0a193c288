import { dynamoClient } from '../../shared/adapters/clients.js';
import { loadConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { resourceEnvOf } from '../../infra/topology.js';
import { makeProjector } from './projector.js';

const config = loadConfig(process.env, resourceEnvOf('submissions', 'projections'));
const ddb = dynamoClient(config);

export const handler = makeProjector({
  submissions: dynamoSubmissionStore(ddb, { submissions: config.resources.submissions }),
  projections: dynamoProjectionStore(ddb, config.resources.projections),
  logger: createLogger('projector'),
});
