// Per-file access to the run's stand-ins: settings, real SDK clients, and
// freshly provisioned tables and buckets under a prefix of the file's own.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { documentClient, dynamoClient } from '../../shared/adapters/clients.js';
import { s3Client } from '../../shared/adapters/s3-client.js';
import { dynamoStreamsClient } from '../../infra/local/stream-client.js';
import { localResourceName, localSettings, type LocalSettings } from '../../infra/local/settings.js';
import { provision } from '../../infra/local/provision.js';
import type { ResourceName } from '../../infra/topology.js';
import { TODAY } from './fixtures.js';

let counter = 0;

export async function standIns(label: string) {
  const prefix = `${label}-${process.pid % 100000}-${counter++}`.slice(0, 20).replace(/[^a-z0-9-]/g, '');
  const settings: LocalSettings = localSettings({
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
    AWS_ENDPOINT_URL_S3: inject('s3Endpoint'),
    DDS_DATA_DIR: mkdtempSync(join(tmpdir(), `dds-${label}-`)),
    DDS_RESOURCE_PREFIX: prefix,
    PORT: '0',
    DDS_CODE_VERSION: 'test',
    // The one clock, fixed: the demo and every local stack of the tests mean the same on any day.
    DDS_TODAY: TODAY,
  });
  const ddb = dynamoClient(settings);
  const s3 = s3Client(settings);
  const streams = dynamoStreamsClient(settings);
  await provision(ddb, s3, prefix);
  const name = (r: ResourceName) => localResourceName(r, prefix);
  // `ddb` speaks DynamoDB's own attribute format; `doc` is the document client the adapters take.
  return { settings, ddb, doc: documentClient(ddb), s3, streams, name, prefix };
}
