import { keyAccess } from '../../shared/adapters/access.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { systemClock } from '../../shared/adapters/clock.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoIndicatorCatalogStore, storedIndicatorCatalogs } from '../../shared/adapters/indicator-catalog-store.js';
import { dynamoOrganisationRegistry } from '../../shared/adapters/organisation-registry.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { makeGetService } from './get-service.js';

const config = functionConfig('getService');
const ddb = documentClient(config);

export const handler = makeGetService({
  ...keyAccess(ddb, config),
  submissions: dynamoSubmissionStore(ddb, config.resources),
  projections: dynamoProjectionStore(ddb, config.resources.projections),
  // control: the policy domains of the organisation register and the indicator catalog versions
  organisations: dynamoOrganisationRegistry(ddb, config.resources.control),
  indicatorCatalogs: storedIndicatorCatalogs(dynamoIndicatorCatalogStore(ddb, config.resources.control)),
  today: systemClock(config.DDS_TODAY).today,
  logger: createLogger('getService'),
});
