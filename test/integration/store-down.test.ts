// A store that is down (issue 8 point 6): the real handlers and clients
// against a DynamoDB endpoint where nothing listens answer 503 with
// Retry-After, never 500, and /health says which store fails.
import { beforeAll, describe, expect, it } from 'vitest';
import { makePublicDocs } from '../../functions/public-docs/public-docs.js';
import { documentClient } from '../../shared/adapters/clients.js';
import { s3Client } from '../../shared/adapters/s3-client.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { storeHealth } from '../../shared/adapters/store-health.js';
import { freePort } from '../support/global-setup.js';
import { httpEvent, jsonHeaders } from '../support/fixtures.js';
import { wire } from '../support/handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let down: Env;

beforeAll(async () => {
  env = await standIns('storedown');
  const nowhere = `http://127.0.0.1:${await freePort()}`;
  down = { ...env, doc: documentClient({ AWS_REGION: env.settings.AWS_REGION, AWS_ENDPOINT_URL_DYNAMODB: nowhere }) };
});

const docs = (e: Env) =>
  makePublicDocs({
    logger: createLogger('test'),
    codeVersion: 'test',
    health: storeHealth({ doc: e.doc, table: e.name('control'), s3: e.s3, bucket: e.name('publicReports') }),
  });
const health = (e: Env) => docs(e)(httpEvent({ routeKey: 'GET /health' }), wire(e).context());

describe('GET /health', () => {
  it('says ok, per store, when both answer', async () => {
    const r = await health(env);
    expect(r.statusCode).toBe(200);
    expect(JSON.parse(r.body!)).toEqual({ status: 'ok', checks: { dynamodb: 'ok', s3: 'ok' }, codeVersion: 'test' });
  });

  it('is 503 with Retry-After and names the store that fails', async () => {
    const r = await health(down);
    expect(r.statusCode).toBe(503);
    expect(r.headers?.['retry-after']).toBeDefined();
    expect(JSON.parse(r.body!)).toEqual({
      status: 'degraded',
      checks: { dynamodb: 'unreachable (ECONNREFUSED)', s3: 'ok' },
      codeVersion: 'test',
    });
    const s3Down = {
      ...env,
      s3: s3Client({ AWS_REGION: env.settings.AWS_REGION, AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${await freePort()}` }),
    };
    expect(JSON.parse((await health(s3Down)).body!).checks).toEqual({ dynamodb: 'ok', s3: 'unreachable (ECONNREFUSED)' });
  });
});

describe('every route with the store down', () => {
  it('answers 503 with Retry-After, from the key lookup to the write, never 500', async () => {
    const app = wire(down);
    const key = 'dds_0123abcd_' + 'k'.repeat(43);
    const results = await Promise.all([
      app.ingest(httpEvent({ routeKey: 'POST /v1/assessments', headers: jsonHeaders(key), body: '{}' }), app.context()),
      app.ingestCounts(httpEvent({ routeKey: 'POST /v1/service-counts', headers: jsonHeaders(key), body: '{}' }), app.context()),
      app.getIndicators(
        httpEvent({ routeKey: 'GET /v1/indicators', headers: jsonHeaders(key), query: { period: '2026-Q3' } }),
        app.context(),
      ),
    ]);
    for (const r of results) {
      expect(r.statusCode).toBe(503);
      expect(r.headers?.['retry-after']).toBe('2');
      expect(JSON.parse(r.body!).error.code).toBe('service_unavailable');
    }
  });
});
