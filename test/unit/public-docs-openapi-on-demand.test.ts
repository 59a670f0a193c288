// publicDocs evaluates the OpenAPI module, and the schemas of every route that
// only it needs, on the first request for the document, not at its cold start
// (design §7; docs/performance.md, cold load): health and criteria never wait
// for them. The document served is the same.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ESBUILD_OPTIONS } from '../../infra/bundling.js';
import { lambdaContext } from '../../infra/local/lambda-context.js';
import { REPO_ROOT } from '../../infra/local/load-handler.js';
import { functionEnvironment, localSettings } from '../../infra/local/settings.js';
import { createLogger } from '../../shared/adapters/logger.js';
import { httpEvent } from '../support/fixtures.js';

const evaluated = vi.hoisted(() => ({ openapi: 0 }));
vi.mock('../../shared/adapters/openapi.js', async (original) => {
  evaluated.openapi += 1;
  return await original();
});

describe('publicDocs', () => {
  it('evaluates the OpenAPI module on the first request for the document, once', async () => {
    const { makePublicDocs } = await import('../../functions/public-docs/public-docs.js');
    const handler = makePublicDocs({
      logger: createLogger('test'),
      codeVersion: 'v-test',
      health: async () => ({ status: 'ok', checks: { dynamodb: 'ok', s3: 'ok' } }),
    });
    const context = () => lambdaContext('publicDocs', 10, 128);
    expect((await handler(httpEvent({ routeKey: 'GET /health' }), context())).statusCode).toBe(200);
    expect((await handler(httpEvent({ routeKey: 'GET /v1/criteria' }), context())).statusCode).toBe(200);
    expect(evaluated.openapi).toBe(0);

    const first = await handler(httpEvent({ routeKey: 'GET /v1/openapi.json' }), context());
    expect(first.statusCode).toBe(200);
    expect(evaluated.openapi).toBe(1);
    const { openApiDocument } = await import('../../shared/adapters/openapi.js');
    expect(JSON.parse(first.body!)).toEqual(JSON.parse(JSON.stringify(openApiDocument('v-test'))));
    expect((await handler(httpEvent({ routeKey: 'GET /v1/openapi.json' }), context())).body).toBe(first.body);
    expect(evaluated.openapi).toBe(1);
  });
});

// esbuild keeps a dynamic import in the one file CDK deploys and evaluates it on demand: the bundle serves the same document.
describe('publicDocs bundled as CDK bundles it', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'dds-bundle-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('serves the OpenAPI document from its one file', async () => {
    const bundle = join(outDir, 'public-docs.mjs');
    await build({
      ...ESBUILD_OPTIONS,
      absWorkingDir: REPO_ROOT,
      entryPoints: [join(REPO_ROOT, 'functions/public-docs/handler.ts')],
      outfile: bundle,
      target: 'node20',
      logLevel: 'silent',
    });
    const event = httpEvent({ routeKey: 'GET /v1/openapi.json' });
    const script = `const { handler } = await import(${JSON.stringify(`file://${bundle}`)});
      const context = { functionName: 'publicDocs', awsRequestId: 'r1', getRemainingTimeInMillis: () => 10000 };
      const r = await handler(${JSON.stringify(event)}, context);
      process.stdout.write(JSON.stringify({ statusCode: r.statusCode, body: r.body }));`;
    const env = { ...process.env, ...functionEnvironment(localSettings({}), 'publicDocs'), DDS_CODE_VERSION: 'v-bundled' };
    const out = await new Promise<{ error: Error | null; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' }, (error, stdout, stderr) =>
        resolve({ error, stdout, stderr }),
      ),
    );
    expect(out.error).toBeNull();
    const served = JSON.parse(out.stdout) as { statusCode: number; body: string };
    expect(served.statusCode).toBe(200);
    const { openApiDocument } = await import('../../shared/adapters/openapi.js');
    expect(JSON.parse(served.body)).toEqual(JSON.parse(JSON.stringify(openApiDocument('v-bundled'))));
  });
});
