import { randomUUID } from 'node:crypto';
import { keyAccess } from '../../shared/adapters/access.js';
import { dynamoClient } from '../../shared/adapters/clients.js';
import { loadConfig } from '../../shared/adapters/config.js';
import { dynamoEloketRegistry } from '../../shared/adapters/eloket-registry.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { resourceEnvOf } from '../../infra/topology.js';
import { makeIngestServiceCounts } from './ingest-service-counts.js';

const config = loadConfig(process.env, resourceEnvOf('submissions', 'control'));
const ddb = dynamoClient(config);

export const handler = makeIngestServiceCounts({
  ...keyAccess(ddb, config),
  submissions: dynamoSubmissionStore(ddb, config.resources),
  eloketten: dynamoEloketRegistry(ddb, config.resources.control),
  logger: createLogger('ingestServiceCounts'),
  now: () => new Date(),
  newId: randomUUID,
});
