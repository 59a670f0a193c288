import { randomUUID } from 'node:crypto';
import { brusselsDay } from '../../shared/domain/brussels-day.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { dynamoClientRateLimiter } from '../../shared/adapters/client-rate-limiter.js';
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
  services: dynamoServiceDirectory(ddb, config.resources.submissions),
  feedback: dynamoFeedbackStore(ddb, config.resources, { retentionDays: settings.retentionDays, today: brusselsDay }),
  clients: dynamoClientRateLimiter(ddb, config.resources.control, { perHour: settings.perHour }),
  origins: dynamoFeedbackOrigins(ddb, config.resources.control),
  perHour: settings.perHour,
  retentionDays: settings.retentionDays,
  logger: createLogger('giveFeedback'),
  now: () => new Date(),
  newId: randomUUID,
});
