// The whole pipeline on one machine, derived from the topology: stand-ins,
// tables and buckets, the API, the stream poller and the scheduler, all
// running the same handler modules that CDK bundles for Lambda.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Context, DynamoDBRecord } from 'aws-lambda';
import { documentClient, dynamoClient } from '../../shared/adapters/clients.js';
import { s3Client } from '../../shared/adapters/s3-client.js';
import { dynamoStreamsClient } from './stream-client.js';
import { dynamoKeyStore, type KeyStore } from '../../shared/adapters/key-store.js';
import { s3ObjectStore, type ObjectStore } from '../../shared/adapters/object-store.js';
import { functionSpecs, type FunctionName } from '../topology.js';
import { compileRoutes, startHttpServer } from './http-server.js';
import { lambdaContext } from './lambda-context.js';
import { localManifest } from './manifest.js';
import { loadHandler, type LambdaHandler } from './load-handler.js';
import { provision } from './provision.js';
import { docsStaticSite } from './docs-site.js';
import { publicReportsSite } from './report-sites.js';
import { startScheduler } from './scheduler.js';
import { functionEnvironment, localResourceName, type LocalSettings } from './settings.js';
import { startDynamoDbLocal, startS3rver, type Running } from './stand-ins.js';
import { StreamPoller } from './stream-poller.js';
import { supervise } from './supervisor.js';

export interface LocalStack {
  apiUrl: string;
  settings: LocalSettings;
  ddb: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  s3: S3Client;
  streams: DynamoDBStreamsClient;
  keys: KeyStore;
  objects: ObjectStore;
  poller: StreamPoller;
  handlers: ReadonlyMap<FunctionName, LambdaHandler>;
  nextSchedules(): Array<{ name: string; at: Date }>;
  stop(): Promise<void>;
}

export interface LocalStackOptions {
  settings: LocalSettings;
  /** start DynamoDB Local and s3rver (false when they already run at the configured endpoints) */
  standIns?: boolean;
  /** start the stream poller (tests may drive it by hand) */
  poll?: boolean;
  log?: (message: string) => void;
  /**
   * A stand-in stopped and could not be kept running: the stack has stopped
   * everything else and says why (npm start then exits non-zero).
   */
  onFatal?: (reason: string) => void;
}

export async function startLocalStack(o: LocalStackOptions): Promise<LocalStack> {
  const s = o.settings;
  const log = o.log ?? (() => undefined);
  const running: Running[] = [];
  const stopAll = async () => {
    // Each part once, in reverse order, however often stop is called.
    for (const r of running.splice(0).reverse()) await r.stop().catch(() => undefined);
  };
  try {
    if (o.standIns !== false) {
      let fatal = false;
      const giveUp = (reason: string) => {
        if (fatal) return;
        fatal = true;
        log(`stopping the whole stack: ${reason}`);
        void stopAll().then(() => o.onFatal?.(reason));
      };
      const dynamo = await startDynamoDbLocal(s);
      log(`${dynamo.label} on ${s.AWS_ENDPOINT_URL_DYNAMODB}`);
      running.push(supervise(dynamo, { name: 'DynamoDB Local', start: () => startDynamoDbLocal(s), log, giveUp }));
      running.push(supervise(await startS3rver(s), { name: 's3rver', start: () => startS3rver(s), log, giveUp }));
    }
    const ddb = dynamoClient(s);
    const s3 = s3Client(s);
    const streams = dynamoStreamsClient(s);
    await provision(ddb, s3, s.DDS_RESOURCE_PREFIX);

    const manifest = localManifest();
    const handlers = new Map<FunctionName, LambdaHandler>();
    for (const [name, spec] of functionSpecs()) handlers.set(name, await loadHandler(spec.entry, functionEnvironment(s, name)));

    const doc = documentClient(ddb);
    const keys = dynamoKeyStore(doc, localResourceName('control', s.DDS_RESOURCE_PREFIX));
    const objects = s3ObjectStore(s3);
    const contextFor = (name: FunctionName): (() => Context) => {
      const spec = functionSpecs().find(([n]) => n === name)![1];
      return () => lambdaContext(name, spec.timeoutSeconds, spec.memoryMb);
    };

    const poller = new StreamPoller({
      ddb,
      streams,
      region: s.AWS_REGION,
      dataDir: s.dataDir,
      log,
      consumers: manifest.streamConsumers.map(({ functionName, trigger }) => ({
        name: functionName,
        trigger,
        tableName: localResourceName(trigger.table, s.DDS_RESOURCE_PREFIX),
        handler: handlers.get(functionName)! as (e: { Records: DynamoDBRecord[] }, c: Context) => Promise<unknown>,
        context: contextFor(functionName),
      })),
    });
    if (o.poll !== false) poller.start();
    running.push({ stop: () => poller.stop() });

    const scheduler = startScheduler(
      manifest.schedules.map(({ functionName, schedule }) => ({
        name: functionName,
        schedule,
        invoke: (input: unknown) => handlers.get(functionName)!(input, contextFor(functionName)()),
      })),
      log,
    );
    running.push({ stop: async () => scheduler.stop() });

    const http = await startHttpServer({
      host: '127.0.0.1',
      port: s.PORT,
      routes: compileRoutes(),
      handlers,
      sites: [
        publicReportsSite({ bucket: localResourceName('publicReports', s.DDS_RESOURCE_PREFIX), objects }),
        docsStaticSite(s.DDS_CODE_VERSION),
      ],
      onError: (err) => log(`http: ${(err as Error).stack ?? String(err)}`),
    });
    running.push({ stop: () => http.close() });

    return {
      apiUrl: http.url,
      settings: s,
      ddb,
      doc,
      s3,
      streams,
      keys,
      objects,
      poller,
      handlers,
      nextSchedules: () => scheduler.next(),
      stop: stopAll,
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
