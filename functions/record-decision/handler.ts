import { randomUUID } from 'node:crypto';
import { keyAccess } from '../../shared/adapters/access.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { systemClock } from '../../shared/adapters/clock.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { makeRecordDecision } from './record-decision.js';

const config = functionConfig('recordDecision');
const ddb = documentClient(config);

export const handler = makeRecordDecision({
  ...keyAccess(ddb, config),
  submissions: dynamoSubmissionStore(ddb, config.resources),
  assessments: dynamoProjectionStore(ddb, config.resources.projections),
  logger: createLogger('recordDecision'),
  ...systemClock(config.DDS_TODAY),
  newId: randomUUID,
});
