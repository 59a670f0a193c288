import { randomUUID } from 'node:crypto';
import { keyAccess } from '../../shared/adapters/access.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { systemClock } from '../../shared/adapters/clock.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { makeRequestReport } from './request-report.js';

const config = functionConfig('requestReport');
const ddb = documentClient(config);

export const handler = makeRequestReport({
  ...keyAccess(ddb, config),
  submissions: dynamoSubmissionStore(ddb, config.resources),
  logger: createLogger('requestReport'),
  ...systemClock(config.DDS_TODAY),
  newId: randomUUID,
});
