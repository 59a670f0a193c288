// The OpenAPI document is derived from the topology: every served route is
// documented with the security the guard enforces, and nothing else is; it is
// valid OpenAPI 3.1 and clean under `redocly lint` with the recommended rules.
// (That a real request and answer of every route validate against it:
// test/integration/openapi-samples.test.ts.)
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { OPERATIONS, openApiDocument, topologyRoutes } from '../../shared/adapters/openapi.js';

type Op = {
  operationId: string;
  tags: string[];
  security: unknown[];
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: unknown }> }>;
  requestBody?: unknown;
};
type Doc = {
  info: { license: { name: string; url: string } };
  servers: Array<{ url: string; description: string }>;
  tags: Array<{ name: string }>;
  paths: Record<string, Record<string, Op>>;
  components: { schemas: Record<string, unknown> };
};

describe('OpenAPI from the topology', () => {
  const doc = openApiDocument('test') as unknown as Doc;
  const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([m, op]) => ({ key: `${m.toUpperCase()} ${path}`, op })),
  );

  it('documents exactly the routes the topology serves', () => {
    const served = topologyRoutes().map((r) => `${r.method} ${r.path.replace('{proxy+}', '{proxy}')}`);
    expect(ops.map((o) => o.key).sort()).toEqual(served.sort());
    expect(Object.keys(OPERATIONS).sort()).toEqual(
      topologyRoutes()
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    );
    expect(served).toContain('GET /v1/indicators/series');
  });

  it('gives each operation the security its route declares', () => {
    expect(doc.paths['/health']!.get!.security).toEqual([]);
    expect(doc.paths['/v1/criteria']!.get!.security).toEqual([]);
    expect(doc.paths['/v1/assessments']!.post!.security).toEqual([{ apiKey: [] }]);
    expect(doc.paths['/committee/{proxy}']!.get!.security).toEqual([{ apiKey: [] }, { basic: [] }]);
    expect(Object.keys(doc.paths['/v1/indicators']!.get!.responses).sort()).toEqual(['200', '401', '403', '422', '429', '503']);
    // The catalog reads no store: nothing but the answer and API Gateway's throttle.
    expect(Object.keys(doc.paths['/v1/criteria']!.get!.responses)).toEqual(['200', '429']);
  });

  it('names every operation, tags it with a declared tag, and describes every answer', () => {
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    const tags = new Set(doc.tags.map((t) => t.name));
    for (const { op } of ops) expect(op.tags.every((t) => tags.has(t))).toBe(true);
    expect(doc.info.license.name).toContain('Modellicentie Gratis Hergebruik');
    expect(doc.servers).toEqual([{ url: '/', description: expect.stringContaining('API') }]);
    // Every answer has content but a redirect and a preflight; errors are the shared error responses, but the pages for people.
    const pages = new Set(['GET /feedback/{organisationId}/{serviceId}', 'GET /feedback/{organisationId}/{serviceId}/bedankt']);
    for (const { key, op } of ops) {
      for (const [code, r] of Object.entries(op.responses)) {
        if (['301', '303', '204'].includes(code)) expect(r.content, `${key} ${code}`).toBeUndefined();
        else if (Number(code) < 400 || (key === 'GET /health' && code === '503')) expect(r.content, `${key} ${code}`).toBeDefined();
        else if (pages.has(key)) expect(Object.keys(r.content ?? {}), `${key} ${code}`).toEqual(['text/html']);
        else if (key === 'POST /v1/feedback/{organisationId}/{serviceId}')
          expect(Object.keys(r.content ?? {}), `${key} ${code}`).toEqual(['application/json', 'text/html']);
        else expect(r.$ref, `${key} ${code}`).toMatch(/^#\/components\/responses\//);
      }
    }
    for (const name of [
      'AssessmentResult',
      'CountsReceipt',
      'ServiceView',
      'IndicatorOverview',
      'IndicatorSeries',
      'ReportRequested',
      'Error',
    ])
      expect(doc.components.schemas[name], name).toBeDefined();
    expect(JSON.stringify(doc.components.schemas.Error)).toContain('moreProblems');
  });

  it('is valid OpenAPI 3.1', async () => {
    const result = await new Validator().validate(openApiDocument('test') as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('passes redocly lint with the recommended rules: no error, no warning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dds-openapi-'));
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(openApiDocument('test')));
    const run = promisify(execFile);
    const cli = join(process.cwd(), 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
    const { stdout, stderr } = await run(process.execPath, [cli, 'lint', '--extends', 'recommended', '--format', 'json', file], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      timeout: 60_000,
    }).catch((err: { stdout?: string; stderr?: string }) => ({ stdout: err.stdout ?? '', stderr: err.stderr ?? '' }));
    const report = JSON.parse(stdout) as {
      totals: { errors: number; warnings: number };
      problems: Array<{ ruleId: string; message: string }>;
    };
    expect(
      report.problems.map((p) => `${p.ruleId}: ${p.message}`),
      stderr,
    ).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});
