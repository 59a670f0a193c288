import { keyAccess } from '../../shared/adapters/access.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { dynamoEloketRegistry } from '../../shared/adapters/eloket-registry.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoOrganisationRegistry } from '../../shared/adapters/organisation-registry.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { makeGetIndicatorSeries } from './get-indicator-series.js';

const config = functionConfig('getIndicatorSeries');
const ddb = documentClient(config);

export const handler = makeGetIndicatorSeries({
  ...keyAccess(ddb, config),
  projections: dynamoProjectionStore(ddb, config.resources.projections),
  submissions: dynamoSubmissionStore(ddb, { submissions: config.resources.submissions }),
  eloketten: dynamoEloketRegistry(ddb, config.resources.control),
  organisations: dynamoOrganisationRegistry(ddb, config.resources.control),
  logger: createLogger('getIndicatorSeries'),
});
