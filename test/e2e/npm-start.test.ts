// End to end, as a newcomer runs it: `npm start -- --no-demo` in its own
// process (its own DynamoDB Local and s3rver), keys from the CLI, and the API
// over real HTTP: post an assessment, see its projection, request a report,
// read it back.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/load-handler.js';
import { freePort } from '../support/global-setup.js';
import { answers, assessment } from '../support/fixtures.js';

let child: ChildProcess;
let output = '';
let api: string;
let env: NodeJS.ProcessEnv;
let dataDir: string;

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; npm start said:\n${output.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', 'infra/cli/dds.ts', ...args], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function newKey(...args: string[]): string {
  const r = cli('keys', 'create', ...args);
  expect(r.status).toBe(0);
  return r.stdout.trim().split('\n').at(-1)!;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'dds-e2e-'));
  const [port, ddbPort, s3Port] = [await freePort(), await freePort(), await freePort()];
  api = `http://127.0.0.1:${port}`;
  env = {
    ...process.env,
    PORT: String(port),
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${ddbPort}`,
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${s3Port}`,
    DDS_DATA_DIR: dataDir,
  };
  child = spawn('npm', ['start', '--', '--no-demo'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitFor('the stack to be ready', async () => (output.includes('[dds] ready') ? true : undefined), 90_000);
});

afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start -- --no-demo', () => {
  it('says where everything is, starts empty and serves the public routes', async () => {
    expect(output).toContain(`API                  ${api}/v1/`);
    expect(output).toContain(`Public reports       ${api}/reports/`);
    const health = await fetch(`${api}/health`);
    expect(await health.json()).toEqual({ status: 'ok', checks: { dynamodb: 'ok', s3: 'ok' }, codeVersion: 'local' });
    const criteria = (await (await fetch(`${api}/v1/criteria`)).json()) as {
      catalogs: Array<{ catalogVersion: string; criteria: unknown[] }>;
    };
    expect(criteria.catalogs[0]?.catalogVersion).toBe('2022-07');
    expect(criteria.catalogs[0]?.criteria).toHaveLength(52);
    const openapi = (await (await fetch(`${api}/v1/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths)).toContain('/v1/assessments');
    expect((await fetch(`${api}/reports/`)).status).toBe(404);
    expect((await fetch(`${api}/v1/nothing`)).status).toBe(404);
  });

  it('takes an assessment over HTTP, projects it, and publishes and serves its report', async () => {
    const provider = newKey('--role', 'service-provider', '--org', 'OVO000123');
    const committee = newKey('--role', 'steering-committee');
    expect(provider).toMatch(/^dds_[0-9a-f]{8}_/);

    const posted = await fetch(`${api}/v1/assessments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${provider}`, 'content-type': 'application/json' },
      body: JSON.stringify(assessment({ assessedOn: '2026-08-15', answers: answers({ 'SD-G1': 'no', 'BT-I1': 'no' }) })),
    });
    expect(posted.status).toBe(201);
    const result = (await posted.json()) as { scores: { SD: { G: number } } };
    expect(result.scores.SD.G).toBe(5 / 6);

    const service = (await (
      await fetch(`${api}/v1/services/OVO000123/omgevingsvergunning`, { headers: { authorization: `Bearer ${provider}` } })
    ).json()) as { pre: { scores: unknown } };
    expect(service.pre.scores).toEqual(result.scores);

    // The projection, fed by the stream poller, shows in the committee's overview.
    const overview = await waitFor('the projection', async () => {
      const r = await fetch(`${api}/v1/indicators?period=2026-Q3`, { headers: { authorization: `Bearer ${committee}` } });
      const b = (await r.json()) as { assessments: { services: number } };
      return b.assessments.services === 1 ? b : undefined;
    });
    expect(overview.assessments).toMatchObject({ services: 1, withPre: 1, significant: 1 });

    const requested = await fetch(`${api}/v1/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${committee}`, 'content-type': 'application/json' },
      body: JSON.stringify({ period: '2026-Q3' }),
    });
    expect(requested.status).toBe(202);
    // The page is written after the files it links to: once it is there, the whole period is.
    await waitFor('the published page', async () => ((await fetch(`${api}/reports/2026-Q3/`)).status === 200 ? true : undefined));
    const report = await waitFor('the published report', async () => {
      const r = await fetch(`${api}/reports/2026-Q3/report.json`);
      return r.status === 200
        ? ((await r.json()) as { assessments: { services: number; forecastBands: { BT: { I: unknown } } } })
        : undefined;
    });
    expect(report.assessments.services).toBe(1);
    // Only a pre: a forecast, counted apart from the results.
    expect(report.assessments.forecastBands.BT.I).toEqual({ good: 0, partial: 1, none: 0, 'n/a': 0 });
    const page = await fetch(`${api}/reports/2026-Q3/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('Hoe goed presteert de digitale dienstverlening?');
    // The index is switched last, once every file of the period is there.
    await waitFor('the index to list the period', async () =>
      (await (await fetch(`${api}/reports/`)).text()).includes('href="2026-Q3/"') ? true : undefined,
    );
    expect((await fetch(`${api}/reports/latest/indicators.csv`)).status).toBe(200);

    // The committee report is private.
    expect((await fetch(`${api}/committee/2026-Q3/`)).status).toBe(401);
    expect((await fetch(`${api}/committee/2026-Q3/`, { headers: { authorization: `Bearer ${provider}` } })).status).toBe(403);
    const committeePage = await fetch(`${api}/committee/2026-Q3/explanations.csv`, {
      headers: { authorization: `Basic ${Buffer.from(`x:${committee}`).toString('base64')}` },
    });
    expect(committeePage.status).toBe(200);
    expect(await committeePage.text()).toContain('OVO000123,OVO000123,omgevingsvergunning,Omgevingsvergunning aanvragen,pre,SD-G1,');
    const escape = await fetch(`${api}/committee/2026-Q3/..%2F..%2Freports%2Findex.html`, {
      headers: { authorization: `Bearer ${committee}` },
    });
    expect(escape.status).toBe(404);
  });

  it('refuses bad input over HTTP with the contract\u2019s errors, never a 500', async () => {
    const provider = newKey('--role', 'service-provider', '--org', 'OVO000777');
    const send = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${api}/v1/assessments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${provider}`, 'content-type': 'application/json', ...headers },
        body,
      });
    const statuses = await Promise.all([
      send('{not json'),
      send('{"a":1,"a":2}'),
      send(JSON.stringify(assessment({ organisationId: 'OVO000123' }))),
      send(JSON.stringify({ ...assessment({ organisationId: 'OVO000777' }), answers: [] })),
      send('{}', { authorization: 'Bearer nope' }),
      send('{}', { 'content-type': 'text/csv' }),
    ]).then((rs) => rs.map((r) => r.status));
    expect(statuses).toEqual([400, 400, 403, 422, 401, 415]);
    const malformedPath = await fetch(`${api}/v1/services/OVO000777/%E0%A4%A`, { headers: { authorization: `Bearer ${provider}` } });
    expect(malformedPath.status).toBe(422);
  });

  it('uploads an e-loket spreadsheet of thousands of rows with a progress bar, after checking it whole', async () => {
    const operator = newKey('--role', 'eloket-operator', '--eloket', 'verenigingsloket');
    const committee = newKey('--role', 'steering-committee');
    const file = join(dataDir, 'tellingen.csv');
    const lines = ['organisationId,targetGroup,servicesOffered,click,call,connect,other'];
    for (let i = 0; i < 3000; i++) lines.push(`ORG${i},verenigingen,${i % 4},${i % 10 === 0 ? '' : 100},${i % 10 === 0 ? '' : 20},,`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const ok = cli('counts', 'upload', '--period', '2026-Q2', file, '--key', operator);
    expect(ok.status).toBe(0);
    expect(ok.stderr).toContain('100%');
    expect(ok.stderr).toContain('3,000 / 3,000 rows');
    expect(ok.stdout).toContain('3000 rows checked');
    expect(ok.stdout).toContain('stored as version 1 of the report for 2026-Q2');
    const f = await waitFor('the counts projection', async () => {
      const r = await fetch(`${api}/v1/indicators?period=2026-Q2`, { headers: { authorization: `Bearer ${committee}` } });
      const b = (await r.json()) as {
        eloketten: Record<
          string,
          { status: string; servicesOffered?: number; volumes?: Record<string, number | null>; providers?: number }
        >;
      };
      return b.eloketten.verenigingsloket?.status === 'reported' ? b.eloketten.verenigingsloket : undefined;
    });
    expect(f).toMatchObject({
      servicesOffered: 4500,
      providers: 2250,
      volumes: { click: 270000, call: 54000, connect: null, other: null, total: 324000, rows: 3000, rowsWithData: 2700 },
    });

    const bad = join(dataDir, 'fout.csv');
    writeFileSync(bad, 'organisationId,targetGroup,servicesOffered,click\nOVO1,burgers,3,10\nOVO2,studenten,-1,abc\nOVO1,burgers,2,\n');
    const refused = cli('counts', 'upload', '--period', '2026-Q2', bad, '--key', operator);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('line 3, targetGroup:');
    expect(refused.stdout).toContain('line 3, servicesOffered:');
    expect(refused.stdout).toContain('line 3, click:');
    expect(refused.stdout).toContain('line 4: OVO1 / burgers is already reported at line 2');
    expect(refused.stderr).toContain('nothing was sent');
    const again = (await (
      await fetch(`${api}/v1/indicators?period=2026-Q2`, { headers: { authorization: `Bearer ${committee}` } })
    ).json()) as { eloketten: Record<string, { version?: number }> };
    expect(again.eloketten.verenigingsloket?.version).toBe(1);
  });

  it('registers organisations from a CSV, and rebuilds the projections from the stored submissions', () => {
    const orgs = join(dataDir, 'organisaties.csv');
    writeFileSync(
      orgs,
      'organisationId,name,kind,policyDomain\nOVO000123,Departement Omgeving,department,Omgeving\nOVO000777,Agentschap X,agency,Welzijn\n',
    );
    const imported = cli('orgs', 'import', orgs);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('2 organisation(s) registered');
    const badOrgs = join(dataDir, 'fout-organisaties.csv');
    writeFileSync(badOrgs, 'organisationId,name,kind,policyDomain\nOVO1,Iets,ministerie,Omgeving\n');
    const refused = cli('orgs', 'import', badOrgs);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('line 2, kind:');
    const rebuilt = cli('rebuild');
    expect(rebuilt.status).toBe(0);
    expect(rebuilt.stdout).toContain(
      'rebuilt 1 service projection(s) from 1 assessment(s) and 1 e-loket period(s) from 1 counts report(s)',
    );
  });

  it('reports CLI mistakes with usage and a non-zero exit', () => {
    const r = cli('keys', 'create', '--role', 'service-provider');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('a service-provider key needs --org');
    expect(r.stderr).toContain('usage: npm run dds');
    const aws = cli('--aws', 'keys', 'create', '--role', 'admin');
    expect(aws.status).toBe(2);
    expect(aws.stderr).toContain('--aws needs SUBMISSIONS_TABLE, PROJECTIONS_TABLE, CONTROL_TABLE, PUBLIC_BUCKET, COMMITTEE_BUCKET');
  });
});
