// The one place where the CLI reads its settings, the same way for every
// command. Locally: the local stack's settings (infra/local/settings.ts, the
// defaults or their variables). With --aws: only the deployed names (the
// stacks' outputs, as the functions get them) and DDS_CODE_VERSION; no local
// default leaks into AWS (a report published with --aws once said
// codeVersion "local").
import { resolve } from 'node:path';
import type { ClientConfig } from '../../shared/adapters/clients.js';
import { systemClock } from '../../shared/adapters/clock.js';
import { localResourceName, localSettings } from '../local/settings.js';
import { resources, type ResourceName } from '../topology.js';

export type Mode = 'local' | 'aws';

export interface CliSettings {
  mode: Mode;
  clients: ClientConfig;
  /** physical table and bucket names (in AWS mode only those whose variable is set) */
  names: Partial<Record<ResourceName, string>>;
  /** AWS mode: the variables naming the tables and buckets that are not set */
  missingNames: string[];
  /** the code version a published report names; undefined in AWS mode without DDS_CODE_VERSION */
  codeVersion: string | undefined;
  /** the API's base URL, and how to point the CLI elsewhere when it cannot be reached */
  api: { url: string | undefined; fix: string };
  /** DDS_API_KEY: the key for the API commands when --key is not given */
  apiKey: string | undefined;
  /** where published reports are read, for the URLs the CLI prints */
  publicReportsBase: string | undefined;
  committeeReportsBase: string | undefined;
  /** where the stores are, for messages */
  storesDescription: string;
  storesFix: string;
  /** relative file paths start here: the folder the command was started in (npm run changes into the package root) */
  cwd: string;
  /** local variables that --aws ignores but the AWS SDK would read by itself */
  ignored: string[];
  /** today's date, from the one clock (DDS_TODAY fixes it locally; design §2.1) */
  today: string;
  /** where the stream's dead letters are: the local stack's files, or the stateless stack's on-failure queue */
  deadLetters: { kind: 'files'; dataDir: string } | { kind: 'queue'; url: string | undefined };
}

/** Stack outputs that are not resource names: the API's address and the public reports' address. */
export const AWS_API_URL = 'DDS_API_URL';
export const AWS_PUBLIC_REPORTS_URL = 'DDS_PUBLIC_REPORTS_URL';
/** The stateless stack's StreamFailuresQueueUrl output: the stream consumers' on-failure queue. */
export const AWS_STREAM_FAILURES_QUEUE_URL = 'STREAM_FAILURES_QUEUE_URL';

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);
const withoutSlash = (url: string) => url.replace(/\/+$/, '');

export function cliSettings(env: NodeJS.ProcessEnv, mode: Mode, cwd: string = process.cwd()): CliSettings {
  const startedIn = resolve(cwd, env.INIT_CWD ?? '.');
  if (mode === 'aws') {
    const names: Partial<Record<ResourceName, string>> = {};
    const missingNames: string[] = [];
    for (const n of Object.keys(resources) as ResourceName[]) {
      const value = env[resources[n].env];
      if (value) names[n] = value;
      else missingNames.push(resources[n].env);
    }
    const api = env[AWS_API_URL] ? withoutSlash(env[AWS_API_URL]) : undefined;
    const region = env.AWS_REGION ?? env.AWS_DEFAULT_REGION ?? 'eu-west-1';
    return {
      mode,
      clients: { AWS_REGION: region, AWS_ENDPOINT_URL_DYNAMODB: undefined, AWS_ENDPOINT_URL_S3: undefined },
      names,
      missingNames,
      codeVersion: env.DDS_CODE_VERSION || undefined,
      apiKey: env.DDS_API_KEY || undefined,
      api: { url: api, fix: `set ${AWS_API_URL} to the DdsMonitorStateless stack's ApiUrl output, or give --api` },
      publicReportsBase: env[AWS_PUBLIC_REPORTS_URL]
        ? withSlash(env[AWS_PUBLIC_REPORTS_URL]).replace(/reports\/$/, '')
        : names.publicReports && `s3://${names.publicReports}/`,
      committeeReportsBase: api ? `${api}/` : names.committeeReports && `s3://${names.committeeReports}/`,
      storesDescription: `DynamoDB and S3 in ${region}`,
      storesFix: 'check your AWS credentials, AWS_REGION and the table and bucket variables',
      cwd: startedIn,
      ignored: ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_DYNAMODB', 'AWS_ENDPOINT_URL_S3'].filter((v) => env[v]),
      today: systemClock().today(),
      deadLetters: { kind: 'queue', url: env[AWS_STREAM_FAILURES_QUEUE_URL] || undefined },
    };
  }
  const s = localSettings(env);
  const names = Object.fromEntries(
    (Object.keys(resources) as ResourceName[]).map((n) => [n, localResourceName(n, s.DDS_RESOURCE_PREFIX)]),
  ) as Record<ResourceName, string>;
  const api = `http://127.0.0.1:${s.PORT}`;
  return {
    mode,
    clients: s,
    names,
    missingNames: [],
    codeVersion: s.DDS_CODE_VERSION,
    apiKey: env.DDS_API_KEY || undefined,
    api: { url: api, fix: 'start it with npm start, or set PORT / --api' },
    publicReportsBase: `${api}/`,
    committeeReportsBase: `${api}/`,
    storesDescription: `DynamoDB Local at ${s.AWS_ENDPOINT_URL_DYNAMODB} (tables ${s.DDS_RESOURCE_PREFIX}-…) and s3rver at ${s.AWS_ENDPOINT_URL_S3}`,
    storesFix:
      'start the stack with npm start, or set AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_S3 and DDS_RESOURCE_PREFIX to those of the running stack',
    cwd: startedIn,
    ignored: [],
    today: systemClock(s.DDS_TODAY).today(),
    deadLetters: { kind: 'files', dataDir: s.dataDir },
  };
}
