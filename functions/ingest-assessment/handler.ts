import { randomUUID } from 'node:crypto';
import { keyAccess } from '../../shared/adapters/access.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { systemClock } from '../../shared/adapters/clock.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { cachedIndicatorCatalogs, dynamoIndicatorCatalogStore } from '../../shared/adapters/indicator-catalog-store.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { makeIngestAssessment } from './ingest-assessment.js';

const config = functionConfig('ingestAssessment');
const ddb = documentClient(config);

export const handler = makeIngestAssessment({
  ...keyAccess(ddb, config),
  submissions: dynamoSubmissionStore(ddb, config.resources),
  logger: createLogger('ingestAssessment'),
  ...systemClock(config.DDS_TODAY),
  newId: randomUUID,
  indicatorCatalogs: cachedIndicatorCatalogs(dynamoIndicatorCatalogStore(ddb, config.resources.control)),
});
