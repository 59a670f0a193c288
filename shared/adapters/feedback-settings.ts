// The feedback instrument's settings, read once per process from the
// environment beside the base configuration (config.ts), with their defaults
// from design §2.1.
import * as z from 'zod';
import { DEFAULT_FEEDBACK_PER_HOUR } from './client-rate-limiter.js';
import { DEFAULT_RETENTION_DAYS } from './comment-store.js';
import { ConfigError } from './config.js';

const schema = z.object({
  /** responses per client (source IP) per service in any hour */
  DDS_FEEDBACK_PER_HOUR: z.coerce.number().int().positive().default(DEFAULT_FEEDBACK_PER_HOUR),
  /** days a comment is kept before it expires */
  DDS_FEEDBACK_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(DEFAULT_RETENTION_DAYS),
});

export interface FeedbackSettings {
  perHour: number;
  retentionDays: number;
}

export function feedbackSettings(env: NodeJS.ProcessEnv = process.env): FeedbackSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success)
    throw new ConfigError(`invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { perHour: parsed.data.DDS_FEEDBACK_PER_HOUR, retentionDays: parsed.data.DDS_FEEDBACK_RETENTION_DAYS };
}
