// Issue 14 points 3 and 12, as an operator meets them: `npm start` on other
// than the default ports prints the exact export line the CLI needs, and the
// CLI run with only that line reaches the stack; after a report is published,
// the banner of the next start lists the addresses of what was published, and
// they serve.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/load-handler.js';
import { freePort } from '../support/global-setup.js';
import { assessment } from '../support/fixtures.js';

let dataDir: string;
let env: NodeJS.ProcessEnv;
let api: string;
let stack: { child: ChildProcess; output: () => string } | undefined;

function start(): Promise<{ child: ChildProcess; output: () => string }> {
  let output = '';
  const child = spawn('npm', ['start', '--', '--no-demo'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolveStart, reject) => {
    const deadline = Date.now() + 120_000;
    const probe = setInterval(() => {
      if (output.includes('[dds] ready')) {
        clearInterval(probe);
        resolveStart({ child, output: () => output });
      } else if (child.exitCode !== null || Date.now() > deadline) {
        clearInterval(probe);
        reject(new Error(`npm start did not get ready:\n${output.slice(-3000)}`));
      }
    }, 250);
  });
}

async function stop(s: { child: ChildProcess } | undefined): Promise<void> {
  if (!s?.child.pid || s.child.exitCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  process.kill(-s.child.pid, 'SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
}

/** The CLI with nothing of the stack's settings but what the banner's export line says. */
function cliWith(exported: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', 'infra/cli/dds.ts', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...exported },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The variables of `export A=1 B=2` (the banner quotes nothing these tests use). */
const parseExport = (line: string): Record<string, string> =>
  Object.fromEntries(
    line
      .replace(/^\s*export\s+/, '')
      .split(/\s+/)
      .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]),
  );

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dds-e2e-banner-'));
  const [port, ddbPort, s3Port] = [await freePort(), await freePort(), await freePort()];
  api = `http://127.0.0.1:${port}`;
  env = {
    ...process.env,
    PORT: String(port),
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${ddbPort}`,
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${s3Port}`,
    DDS_DATA_DIR: dataDir,
  };
  stack = await start();
}, 180_000);

afterAll(async () => {
  await stop(stack);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start on other ports, and the CLI beside it', () => {
  let exported: Record<string, string>;
  let committeeKey: string;

  it('prints the exact export line the CLI needs, and the CLI reaches the stack with only that', () => {
    const line = stack!
      .output()
      .split('\n')
      .find((l) => l.trim().startsWith('export '));
    expect(line?.trim()).toBe(
      `export PORT=${env.PORT} AWS_ENDPOINT_URL_DYNAMODB=${env.AWS_ENDPOINT_URL_DYNAMODB} AWS_ENDPOINT_URL_S3=${env.AWS_ENDPOINT_URL_S3}`,
    );
    exported = parseExport(line!);
    const key = cliWith(exported, 'keys', 'create', '--role', 'steering-committee');
    expect(key.status, key.stderr).toBe(0);
    committeeKey = key.stdout.trim().split('\n').at(-1)!;
    // Before anything is published, the banner says how to publish, not where a report would be.
    expect(stack!.output()).toContain('nothing published yet: npm run dds -- report --period <period>');
    expect(stack!.output()).not.toContain('<period>/');
  });

  it('publishes with the CLI, which prints the addresses; the next start lists what was published, and it serves', async () => {
    const provider = cliWith(exported, 'keys', 'create', '--role', 'service-provider', '--org', 'OVO000123');
    expect(provider.status, provider.stderr).toBe(0);
    const posted = await fetch(`${api}/v1/assessments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${provider.stdout.trim().split('\n').at(-1)!}`, 'content-type': 'application/json' },
      body: JSON.stringify(assessment({ assessedOn: '2026-08-15' })),
    });
    expect(posted.status).toBe(201);
    const report = cliWith(exported, 'report', '--period', '2026-Q3');
    expect(report.status, report.stderr).toBe(0);
    expect(report.stdout).toContain(`${api}/reports/2026-Q3/index.html`);
    expect(report.stdout).toContain(`${api}/committee/2026-Q3/explanations.csv`);

    await stop(stack);
    stack = await start();
    const lines = stack.output().split('\n');
    const after = (heading: string) => lines[lines.findIndex((l) => l.startsWith(heading)) + 1]?.trim();
    expect(after('  Public reports ')).toBe(`2026-Q3  ${api}/reports/2026-Q3/`);
    expect(after('  Committee reports ')).toBe(`2026-Q3  ${api}/committee/2026-Q3/`);
    expect((await fetch(`${api}/reports/2026-Q3/`)).status).toBe(200);
    expect((await fetch(`${api}/committee/2026-Q3/`, { headers: { authorization: `Bearer ${committeeKey}` } })).status).toBe(200);
  }, 180_000);
});
