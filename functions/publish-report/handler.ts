import { randomUUID } from 'node:crypto';
import { documentClient, s3Client } from '../../shared/adapters/clients.js';
import { systemClock } from '../../shared/adapters/clock.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoEloketRegistry } from '../../shared/adapters/eloket-registry.js';
import { dynamoIndicatorCatalogStore, storedIndicatorCatalogs } from '../../shared/adapters/indicator-catalog-store.js';
import { dynamoOrganisationRegistry } from '../../shared/adapters/organisation-registry.js';
import { s3ObjectStore } from '../../shared/adapters/object-store.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { makePublishReport } from './publish-report.js';

const config = functionConfig('publishReport');
const ddb = documentClient(config);

export const handler = makePublishReport({
  projections: dynamoProjectionStore(ddb, config.resources.projections),
  submissions: dynamoSubmissionStore(ddb, { submissions: config.resources.submissions }),
  eloketten: dynamoEloketRegistry(ddb, config.resources.control),
  organisations: dynamoOrganisationRegistry(ddb, config.resources.control),
  indicatorCatalogs: storedIndicatorCatalogs(dynamoIndicatorCatalogStore(ddb, config.resources.control)),
  objects: s3ObjectStore(s3Client(config)),
  buckets: config.resources,
  codeVersion: config.DDS_CODE_VERSION,
  newId: randomUUID,
  ...systemClock(config.DDS_TODAY),
  logger: createLogger('publishReport'),
});
