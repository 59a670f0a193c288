import { randomUUID } from 'node:crypto';
import { brusselsDate } from '../../shared/domain/today.js';
import { keyAccess } from '../../shared/adapters/access.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { systemClock } from '../../shared/adapters/clock.js';
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
  feedback: dynamoFeedbackStore(ddb, config.resources, { retentionDays: feedbackSettings().retentionDays, today: brusselsDate }),
  services: dynamoServiceDirectory(ddb, config.resources.submissions, config.resources.projections),
  logger: createLogger('reportFeedback'),
  // The one clock (design §2.1): DDS_TODAY fixes the day locally.
  now: systemClock(config.DDS_TODAY).now,
  newId: randomUUID,
});
