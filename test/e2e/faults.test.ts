// Load and faults, as issue 8 found them (points 3, 6 and 7): `npm start` in
// its own process with its own stand-ins, driven over HTTP; racing
// corrections, an overload, then DynamoDB Local killed under it, twice. No
// request is ever answered 500; the stack says plainly what happened.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/load-handler.js';
import { freePort } from '../support/global-setup.js';

let child: ChildProcess;
let output = '';
let exited: Promise<number | null>;
let api: string;
let env: NodeJS.ProcessEnv;
let dataDir: string;
let ddbPort: number;
let operator: string;
let committee: string;
let blocker: Server | undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; npm start said:\n${output.slice(-3000)}`);
    await sleep(100);
  }
}

function newKey(...args: string[]): string {
  const r = spawnSync(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', 'infra/cli/dds.ts', 'keys', 'create', ...args], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
  });
  expect(r.status).toBe(0);
  return r.stdout.trim().split('\n').at(-1)!;
}

/** The pid of the DynamoDB Local the stack says it runs now. */
const dynamoPid = () => Number([...output.matchAll(/DynamoDB Local \(pid (\d+)\) (?:on|is back)/g)].at(-1)![1]);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dds-faults-'));
  const [port, s3Port] = [await freePort(), await freePort()];
  ddbPort = await freePort();
  api = `http://127.0.0.1:${port}`;
  env = {
    ...process.env,
    PORT: String(port),
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${ddbPort}`,
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${s3Port}`,
    DDS_DATA_DIR: dataDir,
  };
  child = spawn('npm', ['start', '--', '--no-demo'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  exited = new Promise((r) => child.once('exit', (code) => r(code)));
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor('the stack to be ready', async () => (output.includes('[dds] ready') ? true : undefined), 90_000);
  operator = newKey('--role', 'eloket-operator', '--eloket', 'mijn-burgerprofiel');
  committee = newKey('--role', 'steering-committee');
});

afterAll(async () => {
  if (child?.pid && child.exitCode === null && child.signalCode === null) {
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, sleep(10_000)]);
  }
  blocker?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const postCounts = (servicesOffered: number, period = '2026-Q3') =>
  fetch(`${api}/v1/service-counts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
    body: JSON.stringify({ period, counts: [{ organisationId: 'OVO000123', targetGroup: 'burgers', servicesOffered }] }),
  });
const indicators = (key = committee) => fetch(`${api}/v1/indicators?period=2026-Q3`, { headers: { authorization: `Bearer ${key}` } });
const settle = async (r: Response) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), body: await r.text() });

describe('under load', () => {
  it('gives 50 racing corrections of one period each a version: 201 (or 200, or 409 with Retry-After), never 500', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => postCounts(i).then(settle)));
    expect(results.filter((r) => ![200, 201, 409].includes(r.status)).map((r) => `${r.status} ${r.body}`)).toEqual([]);
    expect(results.filter((r) => r.status === 409 && !r.retryAfter)).toEqual([]);
    const versions = results.filter((r) => r.status === 201).map((r) => (JSON.parse(r.body) as { version: number }).version);
    expect(versions.length).toBeGreaterThan(0);
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('answers 1,300 parallel requests with 200, 429 or 503, each refusal with Retry-After, never 500', async () => {
    const results = await Promise.all(
      Array.from({ length: 1300 }, () =>
        indicators().then(settle, (err: Error) => ({ status: 0, retryAfter: null, body: `${err.message}: ${String(err.cause)}` })),
      ),
    );
    const tally: Record<number, number> = {};
    for (const r of results) tally[r.status] = (tally[r.status] ?? 0) + 1;
    expect(
      Object.keys(tally).filter((s) => !['200', '429', '503'].includes(s)),
      `${JSON.stringify(tally)}; no answer: ${[...new Set(results.filter((r) => r.status === 0).map((r) => r.body))].join(' | ')}`,
    ).toEqual([]);
    expect(results.filter((r) => r.status !== 200 && !r.retryAfter)).toEqual([]);
    expect(tally[200]).toBeGreaterThan(0);
  });
});

describe('a stand-in that dies', () => {
  it('is noticed and said once; meanwhile the API answers 503 with Retry-After and /health names it; it is started again', async () => {
    // A key of its own: the overload test before may have used up the other key's requests for this minute.
    const key = newKey('--role', 'steering-committee');
    const before = output.length;
    const pid = dynamoPid();
    process.kill(pid, 'SIGKILL');
    const seen: Array<{ status: number; retryAfter: string | null }> = [];
    const healthSeen: Array<{ status: number; body: { status: string; checks: Record<string, string> } }> = [];
    await waitFor(
      'DynamoDB Local to be back',
      async () => {
        const [h, i] = await Promise.all([fetch(`${api}/health`).then(settle), indicators(key).then(settle)]);
        healthSeen.push({ status: h.status, body: JSON.parse(h.body) as never });
        seen.push({ status: i.status, retryAfter: i.retryAfter });
        return output.slice(before).includes('is back') && h.status === 200 ? true : undefined;
      },
      90_000,
    );
    const said = output.slice(before);
    expect(said).toContain(`[dds] DynamoDB Local (pid ${pid}) stopped unexpectedly (killed by SIGKILL)`);
    expect(said).toMatch(/\[dds\] DynamoDB Local \(pid \d+\) is back/);
    // The poller says it cannot read the stream once, and that it reads again: not four times a second.
    expect(said.split('\n').filter((l) => l.startsWith('[dds] stream poller')).length).toBeLessThanOrEqual(2);

    expect(seen.filter((s) => s.status !== 200 && s.status !== 503)).toEqual([]);
    expect(seen.filter((s) => s.status === 503 && !s.retryAfter)).toEqual([]);
    expect(seen.some((s) => s.status === 503)).toBe(true);
    const degraded = healthSeen.find((h) => h.status === 503);
    expect(degraded?.body.status).toBe('degraded');
    expect(degraded?.body.checks.dynamodb).toMatch(/^(unreachable|timed out) \(/);
    expect(degraded?.body.checks.s3).toBe('ok');

    // Everything stored before is still there (the same data directory), and the stream is read again.
    const posted = await postCounts(999, '2026-08');
    expect(posted.status).toBe(201);
    await waitFor('the projection of a report posted after the restart', async () => {
      const r = await fetch(`${api}/v1/indicators?period=2026-08`, { headers: { authorization: `Bearer ${committee}` } });
      const b = (await r.json()) as { eloketten: Record<string, { servicesOffered?: number }> };
      return b.eloketten['mijn-burgerprofiel']?.servicesOffered === 999 ? true : undefined;
    });
  });

  it('stops the whole stack, saying why, when it cannot be started again', async () => {
    process.kill(dynamoPid(), 'SIGKILL');
    // Take its port before the stack starts it again (it waits a second first).
    blocker = await waitFor(
      'the port of the killed DynamoDB Local',
      () =>
        new Promise<Server | undefined>((resolve) => {
          const s = createServer();
          s.once('error', () => resolve(undefined));
          s.listen(ddbPort, () => resolve(s));
        }),
      5_000,
    );
    const code = await Promise.race([exited, sleep(80_000).then(() => 'still running')]);
    expect(code, output.slice(-3000)).toBe(1);
    expect(output).toContain('[dds] stopping the whole stack: DynamoDB Local could not be started again');
    expect(output).toContain('[dds] stopped: DynamoDB Local could not be started again');
  }, 90_000);
});
