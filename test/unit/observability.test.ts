// Issue 8, point 14: the correlation id (the caller's valid x-correlation-id,
// else the API request id) on every log line of a request, on what the
// request stores, answered back, and on the stream consumer's log line about
// the stored item; the request's metric; metrics as CloudWatch EMF; the
// tracer off outside Lambda and on the clients inside it.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Logger } from '@aws-lambda-powertools/logger';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeProjector } from '../../functions/projector/projector.js';
import { makeReportWatch } from '../../functions/report-watch/report-watch.js';
import { lambdaContext } from '../../infra/local/lambda-context.js';
import type { AnyEvent } from '../../events/index.js';
import { currentCorrelationId } from '../../shared/adapters/correlation.js';
import { guardedHttpFunction } from '../../shared/adapters/http-function.js';
import { HttpError, json } from '../../shared/adapters/http.js';
import type { KeyStore } from '../../shared/adapters/key-store.js';
import { functionMetrics, type MetricsSink } from '../../shared/adapters/metrics.js';
import type { ProjectionStore } from '../../shared/adapters/projection-store.js';
import { eventToItem, type SubmissionEvent } from '../../shared/adapters/submission-items.js';
import type { SubmissionStore } from '../../shared/adapters/submission-store.js';
import { periodsDueBy } from '../../shared/use-cases/missing-reports.js';
import { httpEvent } from '../support/fixtures.js';

/** What Powertools writes while `work` runs, one JSON object a line. */
async function stdoutOf(work: () => Promise<unknown>): Promise<Array<Record<string, any>>> {
  const lines: string[] = [];
  // Powertools writes error lines to stderr, the rest to stdout.
  const spies = [process.stdout, process.stderr].map((stream) =>
    vi.spyOn(stream, 'write').mockImplementation((chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    }),
  );
  try {
    await work();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, any>);
}

/** The work's result, whatever it writes kept out of the test output. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  let result: T | undefined;
  await stdoutOf(async () => (result = await work()));
  return result as T;
}

const counted: Array<[string, number, Record<string, string> | undefined]> = [];
const metrics: MetricsSink = { count: (name, value = 1, dims) => void counted.push([name, value, dims]), flush: () => undefined };
// Its lines are read (and kept out of the test output) by stdoutOf.
const logger = new Logger({ serviceName: 'test', logLevel: 'INFO' });
const keys: KeyStore = {
  create: () => Promise.reject(new Error('not here')),
  lookup: async (k) => (k === 'provider' ? { keyId: 'p1', role: 'service-provider', organisationId: 'OVO000123' } : null),
};
const guard = {
  keys,
  limiter: { check: async () => ({ ok: true as const }) },
  authFailures: { blocked: () => ({ ok: true as const }), failed: async () => ({ ok: true as const }) },
};
const stored = JSON.parse(readFileSync('test/fixtures/events/AssessmentSubmitted.v2.json', 'utf8')) as SubmissionEvent;

/** An ingest-like function: logs, and builds the item it would store. */
const seen: Array<Record<string, unknown>> = [];
const ingest = guardedHttpFunction('ingestAssessment', { ...guard, logger, metrics }, async (event) => {
  if (event.body === 'boom') throw new Error('a bug');
  if (event.body === 'refuse') throw new HttpError(422, 'invalid_body', 'no');
  logger.info('assessment stored');
  seen.push({ correlationId: currentCorrelationId(), item: eventToItem(stored) });
  return json(201, {});
});
const send = (headers: Record<string, string> = {}, body = '{}') =>
  ingest(
    httpEvent({ routeKey: 'POST /v1/assessments', headers: { authorization: 'Bearer provider', ...headers }, body }),
    lambdaContext('t', 10, 128),
  );
const post = (headers: Record<string, string> = {}, body = '{}') => quietly(() => send(headers, body));

afterEach(() => {
  counted.length = 0;
  seen.length = 0;
});

describe('the correlation id of a request', () => {
  it("is the caller's x-correlation-id: on the log line, on the stored item (beside the event, not in it), and answered", async () => {
    const [line] = await stdoutOf(async () => {
      const r = await send({ 'X-Correlation-Id': 'batch-2026-10/42' });
      expect(r.statusCode).toBe(201);
      expect(r.headers?.['x-correlation-id']).toBe('batch-2026-10/42');
    });
    expect(line).toMatchObject({ message: 'assessment stored', correlation_id: 'batch-2026-10/42' });
    expect(seen[0]?.correlationId).toBe('batch-2026-10/42');
    const item = seen[0]?.item as Record<string, unknown>;
    expect(item.correlationId).toBe('batch-2026-10/42');
    expect(Object.keys(item).sort()).toEqual(['correlationId', 'eventId', 'occurredAt', 'payload', 'pk', 'sk', 'type', 'version']);
  });

  it('is the API request id when the caller sends none, or one that is not safe to log', async () => {
    for (const bad of [undefined, 'has spaces in it', 'x'.repeat(129), 'line\nbreak', '-starts-with-a-dash']) {
      const r = await post(bad === undefined ? {} : { 'x-correlation-id': bad });
      expect(r.headers?.['x-correlation-id']).toBe('req');
    }
    expect(seen.map((s) => s.correlationId)).toEqual(['req', 'req', 'req', 'req', 'req']);
  });

  it('is answered on refusals and failures too, each counted by its code; an answer below 400 by its route', async () => {
    const refused = await post({}, 'refuse');
    const failed = await post({ 'x-correlation-id': 'c-500' }, 'boom');
    const anonymous = await quietly(() => ingest(httpEvent({ routeKey: 'POST /v1/assessments' }), lambdaContext('t', 10, 128)));
    await post();
    expect([refused.statusCode, failed.statusCode, anonymous.statusCode]).toEqual([422, 500, 401]);
    expect(failed.headers?.['x-correlation-id']).toBe('c-500');
    expect(anonymous.headers?.['x-correlation-id']).toBe('req');
    expect(counted).toEqual([
      ['Refused', 1, { code: 'invalid_body' }],
      ['Failed', 1, { code: 'internal_error' }],
      ['Refused', 1, { code: 'unauthorized' }],
      ['Accepted', 1, { route: 'POST /v1/assessments' }],
    ]);
  });
});

describe('the stream consumers', () => {
  it('log the projection with the correlation id stored beside the event, and count it', async () => {
    const rows: unknown[] = [];
    const projector = makeProjector({
      submissions: {} as SubmissionStore,
      // The projector writes a batch's assessment rows together.
      projections: {
        putAssessmentRows: async (batch: unknown[]) => {
          rows.push(...batch);
          return { failed: [] };
        },
      } as unknown as ProjectionStore,
      logger,
      metrics,
    });
    const record: DynamoDBRecord = {
      eventName: 'INSERT',
      dynamodb: { SequenceNumber: '100', NewImage: marshall(eventToItem(stored, 'batch-2026-10/42')) as never },
    };
    const lines = await stdoutOf(() => projector({ Records: [record] }, lambdaContext('projector', 60, 512)));
    expect(rows).toHaveLength(1);
    expect(lines.find((l) => l.message === 'projected')).toMatchObject({
      correlation_id: 'batch-2026-10/42',
      eventId: (stored as AnyEvent).metadata.eventId,
      eventType: 'AssessmentSubmitted',
      eventVersion: 2,
    });
    expect(counted).toEqual([['Projected', 1, undefined]]);
  });
});

describe('metrics', () => {
  it('go out as CloudWatch embedded metric format, in the DdsMonitor namespace, by function and dimension', async () => {
    const saved = process.env.POWERTOOLS_METRICS_DISABLED;
    process.env.POWERTOOLS_METRICS_DISABLED = 'false';
    try {
      const sink = functionMetrics('emfCheck');
      const [accepted, projected] = await stdoutOf(async () => {
        sink.count('Accepted', 1, { route: 'POST /v1/assessments' });
        sink.count('Projected', 3);
        sink.flush();
      });
      expect(accepted?._aws.CloudWatchMetrics).toEqual([
        { Namespace: 'DdsMonitor', Dimensions: [['service', 'route']], Metrics: [{ Name: 'Accepted', Unit: 'Count' }] },
      ]);
      expect([accepted?.service, accepted?.route, accepted?.Accepted]).toEqual(['emfCheck', 'POST /v1/assessments', 1]);
      expect(projected?._aws.CloudWatchMetrics[0].Dimensions).toEqual([['service']]);
      expect(projected?.Projected).toBe(3);
    } finally {
      process.env.POWERTOOLS_METRICS_DISABLED = saved;
    }
  });

  it('are off where the function was told so (locally, and in tests)', async () => {
    const sink = functionMetrics('offCheck');
    expect(await stdoutOf(async () => (sink.count('Accepted', 1, { route: 'x' }), sink.count('Projected'), sink.flush()))).toEqual([]);
  });
});

describe('the tracer', () => {
  it('is off outside Lambda: the clients are left as they are and work without X-Ray', async () => {
    const { dynamoClient, tracer } = await import('../../shared/adapters/clients.js');
    expect(tracer.isTracingEnabled()).toBe(false);
    const client = dynamoClient({
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9',
      AWS_ENDPOINT_URL_S3: undefined,
    });
    expect(client.middlewareStack.identify().some((m) => /xray/i.test(m))).toBe(false);
  });

  it('captures every client it builds inside Lambda', async () => {
    vi.resetModules();
    process.env.AWS_EXECUTION_ENV = 'AWS_Lambda_nodejs24.x';
    // Not Node's http module as a whole: that would stay patched for the rest of this file.
    process.env.POWERTOOLS_TRACER_CAPTURE_HTTPS_REQUESTS = 'false';
    try {
      const { dynamoClient, tracer } = await import('../../shared/adapters/clients.js');
      const { s3Client } = await import('../../shared/adapters/s3-client.js');
      expect(tracer.isTracingEnabled()).toBe(true);
      const config = { AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL_DYNAMODB: undefined, AWS_ENDPOINT_URL_S3: undefined };
      for (const client of [dynamoClient(config), s3Client(config)])
        expect(client.middlewareStack.identify().filter((m) => /xray/i.test(m))).toHaveLength(1);
    } finally {
      delete process.env.AWS_EXECUTION_ENV;
      delete process.env.POWERTOOLS_TRACER_CAPTURE_HTTPS_REQUESTS;
      vi.resetModules();
    }
  });
});

describe("the SDK's own logging", () => {
  it('is left out of every client we build: it would copy each request and response for a logger that logs nothing', async () => {
    const { dynamoClient, documentClient } = await import('../../shared/adapters/clients.js');
    const { s3Client } = await import('../../shared/adapters/s3-client.js');
    const { dynamoStreamsClient } = await import('../../infra/local/stream-client.js');
    const config = { AWS_REGION: 'eu-west-1', AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9', AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9' };
    const clients = [dynamoClient(config), documentClient(config), s3Client(config), dynamoStreamsClient(config)];
    const stacks = clients.map((c) => c.middlewareStack.identify());
    for (const stack of stacks) {
      expect(stack.filter((m) => m.startsWith('loggerMiddleware'))).toEqual([]);
      // Only that middleware: signing and retries are still there.
      expect(stack.some((m) => m.startsWith('retryMiddleware'))).toBe(true);
    }
  });
});

describe('the local processes', () => {
  it('start the X-Ray SDK in manual mode: the tracer is off there, and its async-hook context tracking costs CPU on every promise', () => {
    const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
    for (const name of ['start', 'dds', 'bench']) expect(scripts[name]).toMatch(/(^| )AWS_XRAY_MANUAL_MODE=true /);
  });

  it('track no async context once the clients are loaded in manual mode, where they do without it', () => {
    const namespacesAfterLoading = (env: Record<string, string>) =>
      spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          '-e',
          "await import('./shared/adapters/clients.ts'); console.log(JSON.stringify(Object.keys(process.namespaces ?? {})))",
        ],
        { encoding: 'utf8', env: { PATH: process.env.PATH, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env } },
      ).stdout.trim();
    expect(namespacesAfterLoading({})).toBe('["AWSXRay"]');
    expect(namespacesAfterLoading({ AWS_XRAY_MANUAL_MODE: 'true' })).toBe('[]');
  });
});

describe('the report watch', () => {
  it('counts, from the 2nd on, the periods of the latest monthly run that have no publication, and names them', async () => {
    expect(periodsDueBy('2026-10-01')).toEqual(['2026-08']);
    expect(periodsDueBy('2026-10-02')).toEqual(['2026-09', '2026-Q3']);
    expect(periodsDueBy('2027-01-15')).toEqual(['2026-12', '2026-Q4']);
    const published = new Set(['2026-09']);
    const watch = makeReportWatch({
      projections: { publishedReport: async (p: string) => (published.has(p) ? ({} as never) : null) },
      logger,
      metrics,
    });
    const result = await quietly(() =>
      watch({ source: 'schedule', scheduledTime: '2026-10-02T06:00:00Z' }, lambdaContext('reportWatch', 30, 256)),
    );
    expect(result).toEqual({ today: '2026-10-02', missing: ['2026-Q3'] });
    published.add('2026-Q3');
    await quietly(() => watch({ source: 'schedule', scheduledTime: '2026-10-03T06:00:00Z' }, lambdaContext('reportWatch', 30, 256)));
    expect(counted).toEqual([
      ['ReportsMissing', 1, undefined],
      ['ReportsMissing', 0, undefined],
    ]);
  });
});
