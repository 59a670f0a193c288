import { randomUUID } from 'node:crypto';
import { keyAccess } from '../../shared/adapters/access.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { systemClock } from '../../shared/adapters/clock.js';
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
  // The one clock (design §2.1): DDS_TODAY fixes the day locally.
  now: systemClock(config.DDS_TODAY).now,
  newId: randomUUID,
});
