// What infra/bundling.ts does to every bundle (design §7, cold start): the
// credential chain reduced to the environment, semver left out, node:http and
// CommonJS require() served by process.getBuiltinModule; and that a bundle
// still does its work.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESBUILD_OPTIONS } from '../../infra/bundling.js';
import { REPO_ROOT } from '../../infra/local/load-handler.js';
import { functionEnvironment, localSettings } from '../../infra/local/settings.js';
import { credentialsFromEnvironment } from '../../shared/adapters/lambda-credentials.js';

describe('credentials from the environment', () => {
  it('reads the key, the secret and the session token', () => {
    expect(credentialsFromEnvironment({ AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'token' })).toEqual({
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
      sessionToken: 'token',
    });
  });

  it('says where it looked when they are missing', () => {
    expect(() => credentialsFromEnvironment({ AWS_ACCESS_KEY_ID: 'AKID' })).toThrow(
      'no AWS credentials: this bundle reads them only from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN), as Lambda sets them',
    );
  });
});

describe('a bundle, built as CDK builds a function', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'dds-bundle-'));
  const bundle = join(outDir, 'list-tables.mjs');
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end('{"TableNames":[]}');
    });
  });
  let endpoint = '';
  let metafile: Metafile;

  beforeAll(async () => {
    const built = await build({
      ...ESBUILD_OPTIONS,
      absWorkingDir: REPO_ROOT,
      entryPoints: [join(REPO_ROOT, 'test/fixtures/bundles/list-tables.ts')],
      outfile: bundle,
      target: 'node20',
      metafile: true,
      logLevel: 'silent',
    });
    metafile = built.metafile;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(outDir, { recursive: true, force: true });
  });

  // Only what Lambda sets: no HOME (so no ~/.aws), no profile, no container credentials.
  const run = (credentials: Record<string, string>) =>
    new Promise<{ status: number | null; stderr: string }>((resolve) => {
      const env = { PATH: process.env.PATH, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...credentials };
      execFile(process.execPath, [bundle, endpoint], { env, encoding: 'utf8' }, (error, _stdout, stderr) =>
        resolve({ status: error ? (error.code as number) : 0, stderr }),
      );
    });

  it('signs with the credentials in the environment', async () => {
    seen.length = 0;
    const result = await run({ AWS_ACCESS_KEY_ID: 'AKIDFROMENV', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'session-token' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDFROMENV\/\d{8}\/eu-west-1\/dynamodb\/aws4_request, /);
    expect(seen[0]!['x-amz-security-token']).toBe('session-token');
  });

  it('fails with a clear error, sending nothing, when the environment has none', async () => {
    seen.length = 0;
    const result = await run({});
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('no AWS credentials: this bundle reads them only from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY');
    expect(seen).toHaveLength(0);
  });

  it('holds none of the default chain: its providers and their STS/SSO clients are left out', () => {
    const inputs = Object.keys(metafile.inputs);
    expect(inputs).toContain('shared/adapters/lambda-credentials.ts');
    expect(inputs.filter((p) => /@aws-sdk\/(credential-provider-|nested-clients|token-providers)/.test(p))).toEqual([]);
  });

  // The call above went over http through the shim: node:http is taken without an ESM facade (which would load undici).
  it('imports node:http through the shim, not as an ES module', () => {
    expect(Object.keys(metafile.inputs)).toContain('infra/bundle-shims/http.ts');
    expect(readFileSync(bundle, 'utf8')).not.toMatch(/from\s*["'](node:)?http["']/);
  });
});

describe('a function bundled as CDK bundles it', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'dds-bundle-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  // ingestAssessment: its tracer's aws-xray-sdk-core is CommonJS and require()s Node's modules through the banner.
  it('loads in a fresh node, without semver or the credential chain', async () => {
    const built = await build({
      ...ESBUILD_OPTIONS,
      absWorkingDir: REPO_ROOT,
      entryPoints: [join(REPO_ROOT, 'functions/ingest-assessment/handler.ts')],
      outfile: join(outDir, 'ingest-assessment.mjs'),
      target: 'node20',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(built.metafile.inputs);
    expect(inputs).toContain('node_modules/aws-xray-sdk-core/dist/lib/patchers/aws_p.js');
    expect(inputs).toContain('infra/bundle-shims/semver.ts');
    expect(inputs.filter((p) => /node_modules\/semver\/|@aws-sdk\/credential-provider-/.test(p))).toEqual([]);
    const loaded = await new Promise<{ error: Error | null; stdout: string; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `const m = await import(${JSON.stringify(`file://${join(outDir, 'ingest-assessment.mjs')}`)}); console.log(typeof m.handler)`,
        ],
        { env: { ...process.env, ...functionEnvironment(localSettings({}), 'ingestAssessment') }, encoding: 'utf8' },
        (error, stdout, stderr) => resolve({ error, stdout, stderr }),
      ),
    );
    expect(loaded.stderr).toBe('');
    expect(loaded.error).toBeNull();
    expect(loaded.stdout).toBe('function\n');
  });
});
