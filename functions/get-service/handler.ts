import { keyAccess } from '../../shared/adapters/access.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { makeGetService } from './get-service.js';

const config = functionConfig('getService');
const ddb = documentClient(config);

export const handler = makeGetService({
  ...keyAccess(ddb, config),
  submissions: dynamoSubmissionStore(ddb, config.resources),
  projections: dynamoProjectionStore(ddb, config.resources.projections),
  logger: createLogger('getService'),
});
