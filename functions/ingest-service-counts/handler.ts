import { randomUUID } from 'node:crypto';
import { keyAccess } from '../../shared/adapters/access.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { systemClock } from '../../shared/adapters/clock.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { dynamoEloketRegistry } from '../../shared/adapters/eloket-registry.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoOrganisationRegistry } from '../../shared/adapters/organisation-registry.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { makeIngestServiceCounts } from './ingest-service-counts.js';

const config = functionConfig('ingestServiceCounts');
const ddb = documentClient(config);

export const handler = makeIngestServiceCounts({
  ...keyAccess(ddb, config),
  submissions: dynamoSubmissionStore(ddb, config.resources),
  eloketten: dynamoEloketRegistry(ddb, config.resources.control),
  organisations: dynamoOrganisationRegistry(ddb, config.resources.control),
  logger: createLogger('ingestServiceCounts'),
  ...systemClock(config.DDS_TODAY),
  newId: randomUUID,
});
