import { documentClient } from '../../shared/adapters/clients.js';
import { systemClock } from '../../shared/adapters/clock.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { dynamoIndicatorCatalogStore, storedIndicatorCatalogs } from '../../shared/adapters/indicator-catalog-store.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { makeGetIndicatorCatalog } from './get-indicator-catalog.js';

const config = functionConfig('getIndicatorCatalog');

export const handler = makeGetIndicatorCatalog({
  logger: createLogger('getIndicatorCatalog'),
  // Read each time: a version the committee just imported is served at once (the answer may be cached 5 minutes).
  indicatorCatalogs: storedIndicatorCatalogs(dynamoIndicatorCatalogStore(documentClient(config), config.resources.control)),
  today: systemClock(config.DDS_TODAY).today,
});
