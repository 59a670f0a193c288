// What a command is given: the settings, where to write, how to resolve a
// file, and the stores (checked once, on first use, so that a stack that is
// not running is named as such instead of failing halfway).
import { resolve } from 'node:path';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { documentClient, dynamoClient } from '../../shared/adapters/clients.js';
import { s3Client } from '../../shared/adapters/s3-client.js';
import type { ResourceName } from '../topology.js';
import { CheckError, UsageError } from './errors.js';
import type { CliSettings } from './settings.js';

export interface Io {
  /** results, one line at a time (stdout) */
  out(line: string): void;
  /** notes and problems (stderr) */
  err(line: string): void;
  /** where a progress bar is drawn */
  progress: NodeJS.WriteStream;
}

export interface Stores {
  /** the document client the stores take */
  ddb: DynamoDBDocumentClient;
  s3: S3Client;
  names: Record<ResourceName, string>;
}

export interface CommandContext extends Io {
  settings: CliSettings;
  /** a path as the user typed it, resolved from the folder the command was started in */
  path(file: string): string;
  /** the tables (and with s3, the buckets), checked to be reachable */
  stores(need?: { s3?: boolean }): Promise<Stores>;
  close(): void;
}

const NETWORK = /ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|EAI_AGAIN|socket hang up|fetch failed/;

export const isNetworkError = (err: unknown): boolean => {
  const e = err as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown[] };
  const text = [
    e.code,
    e.name,
    e.message,
    (e.cause as { code?: unknown } | undefined)?.code,
    ...(e.errors ?? []).map((x) => (x as Error).message),
  ]
    .map(String)
    .join(' ');
  return NETWORK.test(text) || e.name === 'TimeoutError';
};

export function commandContext(settings: CliSettings, io: Io): CommandContext {
  let raw: DynamoDBClient | undefined;
  let ddb: DynamoDBDocumentClient | undefined;
  let s3: S3Client | undefined;
  let checked: { tables: boolean; buckets: boolean } = { tables: false, buckets: false };
  const refused = (err: unknown, what: string): never => {
    const e = err as Error & { name: string };
    const where = settings.storesDescription;
    if (isNetworkError(err)) throw new CheckError(`cannot reach ${where}: ${settings.storesFix}`);
    if (e.name === 'ResourceNotFoundException' || e.name === 'NotFound' || e.name === 'NoSuchBucket')
      throw new CheckError(`${what} does not exist in ${where}: ${settings.storesFix}`);
    if (/Credential|UnrecognizedClient|ExpiredToken|InvalidSignature|AccessDenied|Forbidden/.test(`${e.name} ${e.message}`))
      throw new CheckError(`${where} refused the request (${e.name}: ${e.message}): ${settings.storesFix}`);
    throw err;
  };
  return {
    settings,
    ...io,
    path: (file) => resolve(settings.cwd, file),
    async stores(need = {}) {
      if (settings.missingNames.length > 0)
        throw new UsageError(
          `--aws needs ${settings.missingNames.join(', ')} (the DdsMonitorStateful stack's outputs) and AWS credentials`,
        );
      if (settings.mode === 'aws') {
        // The SDK would read AWS_ENDPOINT_URL(_DYNAMODB|_S3) by itself and talk to a local stand-in.
        process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = 'true';
        for (const v of settings.ignored) io.err(`note: --aws ignores ${v} (a local setting)`);
        settings.ignored = [];
      }
      const names = settings.names as Record<ResourceName, string>;
      raw ??= dynamoClient(settings.clients);
      ddb ??= documentClient(raw);
      s3 ??= s3Client(settings.clients);
      if (!checked.tables) {
        await raw
          .send(new DescribeTableCommand({ TableName: names.control }))
          .catch((err: unknown) => refused(err, `table ${names.control}`));
        checked = { ...checked, tables: true };
      }
      if (need.s3 && !checked.buckets) {
        await s3
          .send(new HeadBucketCommand({ Bucket: names.publicReports }))
          .catch((err: unknown) => refused(err, `bucket ${names.publicReports}`));
        checked = { ...checked, buckets: true };
      }
      return { ddb, s3, names };
    },
    close() {
      ddb?.destroy();
      raw?.destroy();
      s3?.destroy();
    },
  };
}
