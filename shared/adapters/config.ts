// Configuration is read once per process from the environment, validated, and
// fails fast with every missing or malformed variable named. A function reads
// exactly the resources the topology says it uses, nothing else.
import * as z from 'zod';
import { functions, resources, type FunctionName, type ResourceName } from '../../infra/topology.js';

const baseSchema = z.object({
  AWS_REGION: z.string().min(1).default('eu-west-1'),
  AWS_ENDPOINT_URL_DYNAMODB: z.url().optional(),
  AWS_ENDPOINT_URL_S3: z.url().optional(),
  DDS_CODE_VERSION: z.string().min(1).default('dev'),
  /** requests per minute per API key before 429 */
  DDS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(600),
  /** fixes today's date (local stacks and tests only; design §2.1) */
  DDS_TODAY: z.iso.date().optional(),
  /** unknown API keys per minute per client address before 429 */
  DDS_AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** where the public reports are read (CloudFront in AWS); unset: on the API's own address, as locally */
  DDS_PUBLIC_REPORTS_URL: z.url().optional(),
});

export type BaseConfig = z.infer<typeof baseSchema>;
export type Config<K extends string> = BaseConfig & { resources: Record<K, string> };

/** The resources a function declares in the topology. */
export type ResourcesOf<N extends FunctionName> = Extract<keyof (typeof functions)[N]['uses'], ResourceName>;

export class ConfigError extends Error {}

export function loadConfig<K extends string>(env: NodeJS.ProcessEnv, resourceVars: Record<K, string>): Config<K> {
  const base = baseSchema.safeParse(env);
  const problems: string[] = base.success ? [] : base.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const named = {} as Record<K, string>;
  for (const [key, varName] of Object.entries(resourceVars) as Array<[K, string]>) {
    const value = env[varName];
    if (!value) problems.push(`${varName}: required`);
    else named[key] = value;
  }
  if (problems.length > 0 || !base.success) throw new ConfigError(`invalid configuration: ${problems.join('; ')}`);
  return { ...base.data, resources: named };
}

/** The environment variables that name the resources a function uses, as the topology declares them. */
export function resourceVarsOf<N extends FunctionName>(name: N): Record<ResourcesOf<N>, string> {
  const uses = functions[name].uses as Partial<Record<ResourceName, unknown>>;
  return Object.fromEntries((Object.keys(uses) as ResourceName[]).map((r) => [r, resources[r].env])) as Record<ResourcesOf<N>, string>;
}

/** A function's configuration: the base settings and exactly the resources it declares. */
export function functionConfig<N extends FunctionName>(name: N, env: NodeJS.ProcessEnv = process.env): Config<ResourcesOf<N>> {
  return loadConfig(env, resourceVarsOf(name));
}
