// npm run dds -- feedback origins add --org <organisationId> --service <serviceId> --origin <https://…>
// Lets a browser on that origin post feedback for the service as JSON (CORS).
import { normalizeOrigin } from '../../../shared/domain/feedback/origin.js';
import { organisationIdSchema, slugSchema } from '../../../shared/domain/vocabulary.js';
import { dynamoFeedbackOrigins } from '../../../shared/adapters/feedback-origins.js';
import { OptionError, type CommandTarget } from './command-errors.js';

export async function feedbackOriginsAdd(
  target: CommandTarget,
  options: { org?: string | undefined; service?: string | undefined; origin?: string | undefined },
  out: (line: string) => void,
): Promise<void> {
  if (!organisationIdSchema.safeParse(options.org).success) throw new OptionError('--org <organisationId> is required');
  if (!slugSchema.safeParse(options.service).success) throw new OptionError('--service <serviceId> is required');
  const origin = normalizeOrigin(options.origin ?? '');
  if (!origin) throw new OptionError('--origin must be an origin such as https://www.voorbeeld.be (https; scheme, host and port only)');
  await dynamoFeedbackOrigins(target.ddb, target.names.control).add(options.org!, options.service!, origin);
  out(`${origin} may now post feedback for ${options.org}/${options.service} as JSON from a browser`);
}
