// One DynamoDB Local and one s3rver for the whole run, on free ports; each
// test file works under its own resource prefix so files never see each
// other's data.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { localSettings } from '../../infra/local/settings.js';
import { startDynamoDbLocal, startS3rver } from '../../infra/local/stand-ins.js';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    s3Endpoint: string;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

interface Shared {
  dynamoEndpoint: string;
  s3Endpoint: string;
  users: number;
  stop(): Promise<void>;
}
// Every project that needs the stand-ins runs this setup; they share one pair, kept on globalThis.
const holder = globalThis as { __ddsStandIns?: Promise<Shared> };

async function start(): Promise<Shared> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dds-test-standins-'));
  const settings = localSettings({
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${await freePort()}`,
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${await freePort()}`,
    DDS_DATA_DIR: dataDir,
  });
  const dynamo = await startDynamoDbLocal(settings);
  const s3 = await startS3rver(settings);
  return {
    dynamoEndpoint: settings.AWS_ENDPOINT_URL_DYNAMODB,
    s3Endpoint: settings.AWS_ENDPOINT_URL_S3,
    users: 0,
    stop: async () => {
      await s3.stop();
      await dynamo.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export default async function setup(project: TestProject) {
  holder.__ddsStandIns ??= start();
  const shared = await holder.__ddsStandIns;
  shared.users += 1;
  project.provide('dynamoEndpoint', shared.dynamoEndpoint);
  project.provide('s3Endpoint', shared.s3Endpoint);
  return async () => {
    shared.users -= 1;
    if (shared.users === 0) {
      delete holder.__ddsStandIns;
      await shared.stop();
    }
  };
}
