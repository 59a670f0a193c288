import { randomUUID } from 'node:crypto';
import { brusselsDate } from '../../shared/domain/today.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { dynamoClientRateLimiter } from '../../shared/adapters/client-rate-limiter.js';
import { systemClock } from '../../shared/adapters/clock.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { dynamoFeedbackOrigins } from '../../shared/adapters/feedback-origins.js';
import { feedbackSettings } from '../../shared/adapters/feedback-settings.js';
import { dynamoFeedbackStore } from '../../shared/adapters/feedback-store.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoServiceDirectory } from '../../shared/adapters/service-directory.js';
import { makeGiveFeedback } from './give-feedback.js';

const config = functionConfig('giveFeedback');
const settings = feedbackSettings();
const ddb = documentClient(config);

export const handler = makeGiveFeedback({
  services: dynamoServiceDirectory(ddb, config.resources.submissions, config.resources.projections),
  feedback: dynamoFeedbackStore(ddb, config.resources, { retentionDays: settings.retentionDays, today: brusselsDate }),
  clients: dynamoClientRateLimiter(ddb, config.resources.control, { perHour: settings.perHour }),
  origins: dynamoFeedbackOrigins(ddb, config.resources.control),
  perHour: settings.perHour,
  retentionDays: settings.retentionDays,
  logger: createLogger('giveFeedback'),
  // The one clock (design §2.1): DDS_TODAY fixes the day locally.
  now: systemClock(config.DDS_TODAY).now,
  newId: randomUUID,
});
