// Issue 8, point 2: a dead-lettered record says what it was (event, key,
// correlation id), why it failed and how often; `dds dlq list` shows it, and
// `dds dlq redrive` processes it once after a fix and removes what succeeded.
// The poison is real: the projector's store refuses one service's row while
// the poller delivers; the fix is a projector whose store works (the CLI's).
import { existsSync, readFileSync } from 'node:fs';
import type { Context, DynamoDBRecord } from 'aws-lambda';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { commandContext } from '../../infra/cli/context.js';
import { main } from '../../infra/cli/dds.js';
import { awsDeadLetters, type QueueClient } from '../../infra/cli/dlq/aws-dead-letters.js';
import { cliSettings } from '../../infra/cli/settings.js';
import { deadLetterFile } from '../../infra/local/dead-letter-file.js';
import { StreamPoller } from '../../infra/local/stream-poller.js';
import { functions } from '../../infra/topology.js';
import { makeProjector } from '../../functions/projector/projector.js';
import { createLogger } from '../../shared/adapters/logger.js';
import type { MetricsSink } from '../../shared/adapters/metrics.js';
import type { ProjectionStore } from '../../shared/adapters/projection-store.js';
import { assessment, httpEvent, jsonHeaders } from '../support/fixtures.js';
import { wire } from '../support/handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let app: ReturnType<typeof wire>;
let key: string;
let committeeKey: string;
const counted: string[] = [];
const metrics: MetricsSink = { count: (name) => void counted.push(name), flush: () => undefined };

type StreamHandler = (e: { Records: DynamoDBRecord[] }, c: Context) => Promise<unknown>;

/** The real projector, but its store refuses the rows of services named poison*. */
function poisonedProjector(): StreamHandler {
  const refusing: ProjectionStore = {
    ...app.projections,
    putAssessmentRow: async (row) => {
      if (row.serviceId.startsWith('poison')) throw new RangeError(`row of ${row.serviceId} refused by the store`);
      return app.projections.putAssessmentRow(row);
    },
    // The projector writes a batch's rows together: the store refuses the poison ones and writes the rest.
    putAssessmentRows: async (rows) => {
      const poison = rows.filter((r) => r.serviceId.startsWith('poison'));
      const written = await app.projections.putAssessmentRows(rows.filter((r) => !r.serviceId.startsWith('poison')));
      if (poison.length === 0) return written;
      return { failed: [...written.failed, ...poison], error: new RangeError(`row of ${poison[0]!.serviceId} refused by the store`) };
    },
  };
  const projector = makeProjector({
    submissions: app.submissions,
    projections: refusing,
    logger: createLogger('projector'),
    metrics,
    failures: app.failures,
  });
  return projector as unknown as StreamHandler;
}

const drain = (handler: StreamHandler) =>
  new StreamPoller({
    ddb: env.ddb,
    streams: env.streams,
    region: env.settings.AWS_REGION,
    dataDir: env.settings.dataDir,
    consumers: [
      {
        name: 'projector',
        trigger: { ...functions.projector.stream, maxRetries: 1 },
        tableName: env.name('submissions'),
        handler,
        context: () => app.context('projector'),
      },
    ],
  }).drain();

async function submit(serviceId: string, correlationId: string): Promise<string> {
  const res = await app.ingest(
    httpEvent({
      routeKey: 'POST /v1/assessments',
      headers: { ...jsonHeaders(key), 'x-correlation-id': correlationId },
      body: JSON.stringify(assessment({ serviceId, assessedOn: '2026-02-01' })),
    }),
    app.context(),
  );
  expect(res.statusCode).toBe(201);
  expect(res.headers?.['x-correlation-id']).toBe(correlationId);
  return JSON.parse(res.body!).assessmentId as string;
}

async function servicesAssessed(): Promise<number> {
  const res = await app.getIndicators(
    httpEvent({ routeKey: 'GET /v1/indicators', headers: { authorization: `Bearer ${committeeKey}` }, query: { period: '2026-Q1' } }),
    app.context(),
  );
  return JSON.parse(res.body!).assessments.services as number;
}

const cliEnv = () => ({
  AWS_ENDPOINT_URL_DYNAMODB: env.settings.AWS_ENDPOINT_URL_DYNAMODB,
  AWS_ENDPOINT_URL_S3: env.settings.AWS_ENDPOINT_URL_S3,
  DDS_RESOURCE_PREFIX: env.prefix,
  DDS_DATA_DIR: env.settings.dataDir,
  DDS_TODAY: '2026-10-15',
});

/** The CLI as an operator runs it, in this process, against this file's stand-ins. */
async function dds(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), progress: process.stderr }, cliEnv());
  return { code, out, err };
}

/** An SQS queue in memory: receive hides a message for its visibility timeout, delete removes it. */
function memoryQueue(bodies: string[]) {
  let now = 0;
  const messages = bodies.map((Body, i) => ({ MessageId: `m${i}`, Body, hiddenUntil: 0, receipt: '' }));
  const client = {
    async send(command: { constructor: { name: string }; input: Record<string, any> }) {
      const input = command.input;
      switch (command.constructor.name) {
        case 'ReceiveMessageCommand': {
          now += 1;
          const visible = messages.filter((m) => m.hiddenUntil <= now).slice(0, input.MaxNumberOfMessages as number);
          for (const m of visible) {
            m.hiddenUntil = now + (input.VisibilityTimeout as number);
            m.receipt = `${m.MessageId}-${now}`;
          }
          return { Messages: visible.map((m) => ({ MessageId: m.MessageId, Body: m.Body, ReceiptHandle: m.receipt })) };
        }
        case 'DeleteMessageCommand':
          messages.splice(
            messages.findIndex((m) => m.receipt === input.ReceiptHandle),
            1,
          );
          return {};
        case 'ChangeMessageVisibilityCommand':
          messages.find((m) => m.receipt === input.ReceiptHandle)!.hiddenUntil = now + (input.VisibilityTimeout as number);
          return {};
        default:
          throw new Error(`not here: ${command.constructor.name}`);
      }
    },
    destroy: () => undefined,
    /** time passes: every hidden message shows again */
    later: () => void (now += 10_000),
    messages,
  };
  return client;
}

/** The stream record of a submission's item, with the shard it is on, as Lambda's on-failure message names it. */
async function onFailureMessage(pk: string): Promise<string> {
  const arn = (await env.ddb.send(new DescribeTableCommand({ TableName: env.name('submissions') }))).Table!.LatestStreamArn!;
  const shards = (await env.streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!.Shards!;
  for (const shard of shards) {
    const it = await env.streams.send(
      new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    const page = await env.streams.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator!, Limit: 1000 }));
    const r = (page.Records ?? []).find((x: StreamRecord) => x.dynamodb?.NewImage?.pk?.S === pk);
    if (!r) continue;
    const seq = r.dynamodb!.SequenceNumber!;
    return JSON.stringify({
      requestContext: {
        functionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:DdsMonitorStateless-Projector',
        condition: 'RetryAttemptsExhausted',
        approximateInvokeCount: 6,
      },
      responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
      version: '1.0',
      timestamp: '2026-10-02T08:00:00.000Z',
      DDBStreamBatchInfo: { shardId: shard.ShardId, startSequenceNumber: seq, endSequenceNumber: seq, streamArn: arn, batchSize: 1 },
    });
  }
  throw new Error(`no stream record of ${pk}`);
}

const letterLines = () =>
  readFileSync(deadLetterFile(env.settings.dataDir, 'projector'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  env = await standIns('dlq');
  app = wire(env, { metrics });
  key = (await app.keys.create({ role: 'service-provider', organisationId: 'OVO000123' })).key;
  committeeKey = (await app.keys.create({ role: 'steering-committee' })).key;
});

describe('dead letters', () => {
  let eventId: string;

  it('name the event, its item key, the correlation id, the error and the attempts', async () => {
    await submit('fine', 'corr-fine-1');
    const assessmentId = await submit('poison', 'corr-poison-1');
    await drain(poisonedProjector());

    expect(await servicesAssessed()).toBe(1);
    const lines = letterLines();
    expect(lines).toHaveLength(1);
    const letter = lines[0]!;
    eventId = (letter.event as { eventId: string }).eventId;
    expect(letter).toMatchObject({
      consumer: 'projector',
      attempts: 2,
      event: { type: 'AssessmentSubmitted', version: 2 },
      correlationId: 'corr-poison-1',
      error: { name: 'RangeError', message: 'row of poison refused by the store' },
    });
    expect((letter.key as { pk: string }).pk).toBe('SVC#OVO000123#poison');
    expect((letter.key as { sk: string }).sk).toMatch(new RegExp(`^A#.*#${assessmentId}$`));
    // The consumer noted each failed attempt too (what names the error in AWS), and counted them.
    expect(await app.failures.get('projector', eventId)).toMatchObject({
      attempts: 2,
      error: { name: 'RangeError', message: 'row of poison refused by the store' },
      correlationId: 'corr-poison-1',
    });
    expect(counted.filter((m) => m === 'RecordFailed')).toHaveLength(2);
    expect(counted.filter((m) => m === 'Projected')).toHaveLength(1);
  });

  it('are listed by dds dlq list, as a table and as JSON', async () => {
    const json = await dds('dlq', 'list', '--json');
    expect(json.code).toBe(0);
    const entries = JSON.parse(json.out.join('\n')) as Array<Record<string, unknown>>;
    expect(
      entries.map((e) => [e.consumer, (e.event as { eventId: string }).eventId, e.attempts, (e.error as { message: string }).message]),
    ).toEqual([['projector', eventId, 2, 'row of poison refused by the store']]);
    const table = await dds('dlq', 'list');
    expect(table.out[0]).toMatch(/^consumer +failedAt +attempts +event +eventId +key +correlationId +error$/);
    expect(table.out[1]).toContain('AssessmentSubmitted v2');
    expect(table.out[1]).toContain('corr-poison-1');
    expect(table.out[1]).toContain('RangeError: row of poison refused by the store');
    expect(table.out.at(-1)).toBe('1 dead letter(s)');
  });

  it('are processed once by dds dlq redrive after a fix, and a second redrive changes nothing', async () => {
    const first = await dds('dlq', 'redrive');
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.out.at(-1)).toBe('1 redriven, 0 still failing (kept)');
    expect(first.out[0]).toMatch(/^redriven {5}projector: AssessmentSubmitted v2 /);
    expect(await servicesAssessed()).toBe(2);
    expect(await app.failures.get('projector', eventId)).toBeNull();
    expect(
      existsSync(deadLetterFile(env.settings.dataDir, 'projector'))
        ? readFileSync(deadLetterFile(env.settings.dataDir, 'projector'), 'utf8')
        : '',
    ).toBe('');

    const second = await dds('dlq', 'redrive');
    expect(second).toEqual({ code: 0, out: ['no dead letters: nothing to redrive'], err: [] });
    expect(await servicesAssessed()).toBe(2);
    expect((await dds('dlq', 'list')).out).toEqual(['no dead letter(s)']);
  });

  it('keep what still fails, with the new error and one more attempt, and exit 1', async () => {
    await submit('poison-gone', 'corr-gone-1');
    await drain(poisonedProjector());
    const [letter] = letterLines();
    const k = letter!.key as { pk: string; sk: string };
    // The item is gone from the table (as after a mistaken delete): the redrive cannot read it back.
    await env.doc.send(new DeleteCommand({ TableName: env.name('submissions'), Key: k }));
    const r = await dds('dlq', 'redrive');
    expect(r.code).toBe(1);
    expect(r.out.at(-1)).toBe('0 redriven, 1 still failing (kept)');
    expect(r.err).toEqual(['some dead letters still fail: npm run dds -- dlq list shows their errors']);
    expect(letterLines()).toEqual([
      expect.objectContaining({
        attempts: 3,
        key: k,
        error: { name: 'NotFound', message: `no item ${k.pk} / ${k.sk} in the submissions table` },
      }),
    ]);
  });
});

describe('dead letters in AWS: the on-failure queue', () => {
  it('resolves a message through the stream and the failure note, redrives it once, and deletes it', async () => {
    await submit('poison-aws', 'corr-aws-1');
    await drain(poisonedProjector());
    expect(await servicesAssessed()).toBe(2);
    const queue = memoryQueue([await onFailureMessage('SVC#OVO000123#poison-aws')]);
    const out: string[] = [];
    const ctx = commandContext(cliSettings(cliEnv(), 'local'), {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      progress: process.stderr,
    });
    const dlq = awsDeadLetters(ctx, 'https://sqs.eu-west-1.amazonaws.com/123456789012/StreamFailures', {
      sqs: queue as unknown as QueueClient,
      streams: env.streams,
    });
    try {
      const listed = await dlq.list();
      expect(listed.unresolved).toEqual([]);
      expect(listed.entries).toEqual([
        expect.objectContaining({
          consumer: 'projector',
          attempts: 2,
          event: expect.objectContaining({ type: 'AssessmentSubmitted', version: 2 }),
          key: expect.objectContaining({ pk: 'SVC#OVO000123#poison-aws' }),
          correlationId: 'corr-aws-1',
          error: { name: 'RangeError', message: 'row of poison-aws refused by the store' },
          source: 'sqs message m0',
        }),
      ]);
      // Listing leaves the message in the queue.
      queue.later();
      expect(queue.messages).toHaveLength(1);

      expect(await dlq.redrive()).toEqual({ redriven: 1, failed: 0, unresolved: [] });
      expect(queue.messages).toEqual([]);
      expect(await servicesAssessed()).toBe(3);
      expect(await app.failures.get('projector', listed.entries[0]!.event.eventId)).toBeNull();
      expect(await dlq.redrive()).toEqual({ redriven: 0, failed: 0, unresolved: [] });
      expect(await servicesAssessed()).toBe(3);
    } finally {
      dlq.close();
      ctx.close();
    }
  });
});
