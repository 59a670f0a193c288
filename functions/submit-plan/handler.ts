import { randomUUID } from 'node:crypto';
import { keyAccess } from '../../shared/adapters/access.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { systemClock } from '../../shared/adapters/clock.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { makeSubmitPlan } from './submit-plan.js';

const config = functionConfig('submitPlan');
const ddb = documentClient(config);

export const handler = makeSubmitPlan({
  ...keyAccess(ddb, config),
  submissions: dynamoSubmissionStore(ddb, config.resources),
  logger: createLogger('submitPlan'),
  ...systemClock(config.DDS_TODAY),
  newId: randomUUID,
});
