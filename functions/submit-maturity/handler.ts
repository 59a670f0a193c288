import { randomUUID } from 'node:crypto';
import { keyAccess } from '../../shared/adapters/access.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { systemClock } from '../../shared/adapters/clock.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoMaturityThemes } from '../../shared/adapters/maturity-themes.js';
import { dynamoStrategyEventStore } from '../../shared/adapters/strategy-event-store.js';
import { makeSubmitMaturity } from './submit-maturity.js';

const config = functionConfig('submitMaturity');
const ddb = documentClient(config);

export const handler = makeSubmitMaturity({
  ...keyAccess(ddb, config),
  themes: dynamoMaturityThemes(ddb, config.resources.control),
  events: dynamoStrategyEventStore(ddb, config.resources.submissions),
  logger: createLogger('submitMaturity'),
  // The one clock (design §2.1): DDS_TODAY fixes the day locally.
  now: systemClock(config.DDS_TODAY).now,
  newId: randomUUID,
});
