import { randomUUID } from 'node:crypto';
import { keyAccess } from '../../shared/adapters/access.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoStrategyEventStore } from '../../shared/adapters/strategy-event-store.js';
import { makeRecordStrategyStatus } from './record-strategy-status.js';

const config = functionConfig('recordStrategyStatus');
const ddb = documentClient(config);

export const handler = makeRecordStrategyStatus({
  ...keyAccess(ddb, config),
  events: dynamoStrategyEventStore(ddb, config.resources.submissions),
  logger: createLogger('recordStrategyStatus'),
  now: () => new Date(),
  newId: randomUUID,
});
