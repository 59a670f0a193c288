// Local defaults (design §6), each overridable by its environment variable,
// read once and validated. Every local process (runner, CLI, tests) derives
// its addresses and resource names from here, so they all meet.
import { resolve } from 'node:path';
import * as z from 'zod';
import { functions, resources, type FunctionName, type ResourceName } from '../topology.js';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  AWS_ENDPOINT_URL_DYNAMODB: z.url().default('http://127.0.0.1:8000'),
  AWS_ENDPOINT_URL_S3: z.url().default('http://127.0.0.1:4568'),
  DDS_DATA_DIR: z.string().min(1).default('.data'),
  AWS_REGION: z.string().min(1).default('eu-west-1'),
  DDS_CODE_VERSION: z.string().min(1).default('local'),
  POWERTOOLS_LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('WARN'),
  /** metrics (EMF JSON on stdout) mean something only in CloudWatch: off locally unless asked for */
  POWERTOOLS_METRICS_DISABLED: z.enum(['true', 'false']).default('true'),
  /** prefix of local table and bucket names, so several stacks can share one pair of stand-ins */
  DDS_RESOURCE_PREFIX: z
    .string()
    .regex(/^[a-z0-9-]{1,20}$/)
    .default('dds'),
  /** fixes today's date for the whole local stack (design §2.1) */
  DDS_TODAY: z.iso.date().optional(),
});

export type LocalSettings = z.infer<typeof schema> & { dataDir: string };

export function localSettings(env: NodeJS.ProcessEnv = process.env): LocalSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid local settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { ...parsed.data, dataDir: resolve(parsed.data.DDS_DATA_DIR) };
}

/** Local physical names: the logical name, prefixed. */
export const localResourceName = (name: ResourceName, prefix = 'dds'): string =>
  resources[name].kind === 'bucket' ? `${prefix}-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}` : `${prefix}-${name}`;

export const portOf = (url: string): number => {
  const u = new URL(url);
  return u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
};

/**
 * The environment a function sees locally: the same variables CDK sets in AWS,
 * with exactly the resources the topology says it uses, so a missing `uses`
 * entry fails here as it would in AWS.
 */
export function functionEnvironment(s: LocalSettings, name: FunctionName): Record<string, string> {
  const env: Record<string, string> = {
    AWS_REGION: s.AWS_REGION,
    AWS_ENDPOINT_URL_DYNAMODB: s.AWS_ENDPOINT_URL_DYNAMODB,
    AWS_ENDPOINT_URL_S3: s.AWS_ENDPOINT_URL_S3,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    DDS_CODE_VERSION: s.DDS_CODE_VERSION,
    POWERTOOLS_LOG_LEVEL: s.POWERTOOLS_LOG_LEVEL,
    POWERTOOLS_METRICS_DISABLED: s.POWERTOOLS_METRICS_DISABLED,
    ...(s.DDS_TODAY ? { DDS_TODAY: s.DDS_TODAY } : {}),
  };
  for (const r of Object.keys(functions[name].uses) as ResourceName[]) env[resources[r].env] = localResourceName(r, s.DDS_RESOURCE_PREFIX);
  return env;
}
