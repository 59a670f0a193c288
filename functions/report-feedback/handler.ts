import { randomUUID } from 'node:crypto';
import { brusselsDay } from '../../shared/domain/brussels-day.js';
import { keyAccess } from '../../shared/adapters/access.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { feedbackSettings } from '../../shared/adapters/feedback-settings.js';
import { dynamoFeedbackStore } from '../../shared/adapters/feedback-store.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { dynamoServiceDirectory } from '../../shared/adapters/service-directory.js';
import { makeReportFeedback } from './report-feedback.js';

const config = functionConfig('reportFeedback');
const ddb = documentClient(config);

export const handler = makeReportFeedback({
  ...keyAccess(ddb, config),
  feedback: dynamoFeedbackStore(ddb, config.resources, { retentionDays: feedbackSettings().retentionDays, today: brusselsDay }),
  services: dynamoServiceDirectory(ddb, config.resources.submissions),
  logger: createLogger('reportFeedback'),
  now: () => new Date(),
  newId: randomUUID,
});
