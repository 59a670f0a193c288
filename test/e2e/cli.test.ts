// The operators' CLI as people run it: the real CLI in a child process against
// a local stack (the same handlers as npm start), with files as Excel writes
// them in a Belgian locale (";", a UTF-8 BOM, CRLF) and relative paths from
// the folder the command was started in.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/load-handler.js';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import { CATALOGS } from '../../shared/domain/catalog.js';
import { freePort } from '../support/global-setup.js';
import { TODAY } from '../support/fixtures.js';
import { standIns } from '../support/stand-ins.js';

let stack: LocalStack;
let env: NodeJS.ProcessEnv;
/** the operator's own folder, where their files are and where they run the command */
let work: string;
let admin: string;

type Run = { status: number | null; stdout: string; stderr: string };

/** Runs a command as a child process; asynchronously, because the stack it talks to runs in this process. */
function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<Run> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolveRun({ status, stdout, stderr }));
  });
}

/** npm run dds -- …, started in `work` (npm moves into the package root and says where it was started in INIT_CWD). */
const cli = (args: string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> =>
  run(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', 'infra/cli/dds.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...env, INIT_CWD: work, ...extraEnv },
  });

async function newKey(...args: string[]): Promise<string> {
  const r = await cli(['keys', 'create', ...args]);
  // Nothing on stderr but, for an organisation not registered (yet), a note that says so.
  expect(r.stderr).toMatch(/^(note: \S+ is not in the organisation register: [^\n]+\n)?$/);
  expect(r.status).toBe(0);
  return r.stdout.trim().split('\n').at(-1)!;
}

/** Written as Excel saves "CSV UTF-8" in a Belgian locale. */
const excelFile = (name: string, rows: string[]) => writeFileSync(join(work, name), `\uFEFF${rows.join('\r\n')}\r\n`);

const get = async (path: string, key: string) => {
  const r = await fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${key}` } });
  return { status: r.status, body: (await r.json()) as any };
};

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  const s = await standIns('cli');
  stack = await startLocalStack({ settings: s.settings, standIns: false });
  work = mkdtempSync(join(tmpdir(), 'dds-cli-work-'));
  env = {
    ...process.env,
    PORT: new URL(stack.apiUrl).port,
    AWS_ENDPOINT_URL_DYNAMODB: s.settings.AWS_ENDPOINT_URL_DYNAMODB,
    AWS_ENDPOINT_URL_S3: s.settings.AWS_ENDPOINT_URL_S3,
    DDS_RESOURCE_PREFIX: s.prefix,
    DDS_DATA_DIR: s.settings.DDS_DATA_DIR,
    DDS_CODE_VERSION: 'cli-test',
  };
  delete env.DDS_API_KEY;
  admin = await newKey('--role', 'admin');
});

afterAll(async () => {
  await stack?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('counts upload', () => {
  it('takes a Belgian Excel file (";", BOM, CRLF, 48.210) by a path relative to where it was started', async () => {
    const operator = await newKey('--role', 'eloket-operator', '--eloket', 'verenigingsloket');
    excelFile('tellingen.csv', [
      'organisationId;targetGroup;servicesOffered;click;call;connect;other',
      'OVO000123;verenigingen;12;48.210;5.120;830;',
      'OVO000124;verenigingen;3;1.500;;;',
    ]);
    const r = await cli(['counts', 'upload', '--period', '2026-Q3', 'tellingen.csv', '--key', operator]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.slice(0, 5)).toEqual([
      'tellingen.csv: 2 rows checked (separator: semicolon)',
      'tellingen.csv: line 2, click: "48.210" read as 48210 (Flemish notation)',
      'tellingen.csv: line 2, call: "5.120" read as 5120 (Flemish notation)',
      'tellingen.csv: line 3, click: "1.500" read as 1500 (Flemish notation)',
      `sending to ${stack.apiUrl}`,
    ]);
    expect(lines[5]).toMatch(/^stored as version 1 of the report for 2026-Q3 \(report [0-9a-f-]{36}\)$/);
    expect(r.stderr).toContain('100%  2 / 2 rows');
    const figure = await waitFor('the counts projection', async () => {
      const { body } = await get('/v1/indicators?period=2026-Q3', admin);
      return body.eloketten.verenigingsloket?.status === 'reported' ? body.eloketten.verenigingsloket : undefined;
    });
    expect(figure).toMatchObject({
      servicesOffered: 15,
      providers: 2,
      volumes: { click: 49710, call: 5120, connect: 830, other: null, total: 55660, rows: 2, rowsWithData: 2 },
    });
  });

  it('says when a quarter replaces, for that quarter, the months already reported inside it', async () => {
    const operator = await newKey('--role', 'eloket-operator', '--eloket', 'loket-lokale-besturen');
    excelFile('maand.csv', ['organisationId;targetGroup;servicesOffered', 'OVO000123;lokale-besturen;4']);
    for (const month of ['2026-04', '2026-05']) {
      const r = await cli(['counts', 'upload', '--period', month, 'maand.csv', '--key', operator]);
      expect(r.status).toBe(0);
      expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^stored as version 1 of the report for 2026-0[45] \(report [0-9a-f-]{36}\)$/);
    }
    const quarter = await cli(['counts', 'upload', '--period', '2026-Q2', 'maand.csv', '--key', operator]);
    expect(quarter.status).toBe(0);
    expect(quarter.stdout.trim().split('\n').slice(-2)).toEqual([
      expect.stringMatching(/^stored as version 1 of the report for 2026-Q2 \(report [0-9a-f-]{36}\)$/),
      "2026-Q2's figures now come from this report, no longer from the 2 monthly reports stored inside it (those months keep their own figures)",
    ]);
  });

  it('--dry-run checks the file and prints what would be sent, and sends nothing', async () => {
    excelFile('droog.csv', ['organisationId;targetGroup;servicesOffered;click', 'OVO000125;burgers;7;1.234.567']);
    // no key is needed to look
    const r = await cli(['counts', 'upload', '--period', '2026-Q1', 'droog.csv', '--dry-run']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'droog.csv: 1 row checked (separator: semicolon)',
      'droog.csv: line 2, click: "1.234.567" read as 1234567 (Flemish notation)',
      `dry run: would send POST ${stack.apiUrl}/v1/service-counts with this body:`,
      '{',
      '  "period": "2026-Q1",',
      '  "counts": [',
      '    {"organisationId":"OVO000125","targetGroup":"burgers","servicesOffered":7,"volumes":{"click":1234567}}',
      '  ]',
      '}',
      'dry run: nothing was sent',
    ]);
    const { body } = await get('/v1/indicators?period=2026-Q1', admin);
    expect(Object.values(body.eloketten).map((e: any) => e.status)).toEqual(['no_data', 'no_data', 'no_data', 'no_data']);
  });

  it('names every bad line with what to change, and sends nothing', async () => {
    excelFile('fout.csv', ['organisationId;targetGroup;servicesOffered;click', 'OVO1;burgers;3;48,2', 'OVO2;burgers;48,210;10']);
    const r = await cli(['counts', 'upload', '--period', '2026-Q2', 'fout.csv', '--key', 'dds_00000000_x']);
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      'fout.csv: line 2, click: "48,2" is not a whole number (48,2): a count has no decimals; write 48 or 49',
      'fout.csv: line 3, servicesOffered: "48,210" is ambiguous: write 48210 if you mean 48,210 (a count has no decimals, and a comma may be a decimal comma)',
    ]);
    expect(r.stderr.trim()).toBe('2 problem(s) in fout.csv; nothing was sent');
  });

  it('says which API it could not reach and how to fix it, before any progress bar', async () => {
    excelFile('klein.csv', ['organisationId;targetGroup;servicesOffered', 'OVO1;burgers;3']);
    const port = await freePort();
    const byPort = await cli(['counts', 'upload', '--period', '2026-Q2', 'klein.csv', '--key', 'dds_00000000_x'], { PORT: String(port) });
    expect(byPort.status).toBe(1);
    expect(byPort.stderr.trim()).toBe(`cannot reach the API at http://127.0.0.1:${port}: start it with npm start, or set PORT / --api`);
    const byOption = await cli([
      'counts',
      'upload',
      '--period',
      '2026-Q2',
      'klein.csv',
      '--key',
      'k',
      '--api',
      `http://127.0.0.1:${port}/`,
    ]);
    expect(byOption.stderr.trim()).toBe(`cannot reach the API at http://127.0.0.1:${port}: start it with npm start, or set PORT / --api`);
    expect(byOption.stdout).not.toContain('sending');
  });

  it('says which file it looked for', async () => {
    const r = await cli(['counts', 'upload', '--period', '2026-Q2', 'nergens.csv', '--key', 'k']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`no file ${join(work, 'nergens.csv')}`);
  });
});

describe('reaching the stores', () => {
  it('names the store it could not reach and the settings that point at it', async () => {
    const port = await freePort();
    const r = await cli(['keys', 'list'], { AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${port}` });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(
      `cannot reach DynamoDB Local at http://127.0.0.1:${port} (tables ${env.DDS_RESOURCE_PREFIX}-…) and s3rver at ${env.AWS_ENDPOINT_URL_S3}: start the stack with npm start, or set AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_S3 and DDS_RESOURCE_PREFIX to those of the running stack`,
    );
  });
});

/** The template as a civil servant fills it in and Excel saves it. */
function fillTemplate(template: string, fields: Record<string, string>, answer: (id: string) => [string, string?, string?]): string {
  const rows = template.replace(/^\uFEFF/, '').split('\r\n');
  return `\uFEFF${rows
    .map((row) => {
      const cells = row.match(/("([^"]|"")*"|[^;]*)(;|$)/g)!.map((c) => c.replace(/;$/, ''));
      const [first] = cells;
      if (first && first in fields) return [first, fields[first], cells[2]].join(';');
      if (first && /^[A-Z]{2}-[GI]\d+$/.test(first)) {
        const [a, e = '', p = ''] = answer(first);
        return [first, cells[1], a, e, p].join(';');
      }
      return row;
    })
    .join('\r\n')}`;
}

describe('assessment template and upload', () => {
  const criteria = CATALOGS['2022-07']!.criteria;

  it('writes a template, checks the filled-in file, posts it once, and names the lines of a bad one', async () => {
    const provider = await newKey('--role', 'service-provider', '--org', 'OVO000321');
    const t = await cli(['assessment', 'template', '--org', 'OVO000321', '--service', 'bouwvergunning', '--out', 'aftoetsing.csv']);
    expect(t.status).toBe(0);
    expect(t.stdout.trim().split('\n')).toEqual([
      `wrote ${join(work, 'aftoetsing.csv')}: the assessment's fields and 52 criteria (catalog 2022-07) to fill in`,
      'then: npm run dds -- assessment upload aftoetsing.csv --key <the key of OVO000321>',
    ]);
    const template = readFileSync(join(work, 'aftoetsing.csv'), 'utf8');
    expect(
      (await cli(['assessment', 'template', '--org', 'OVO000321', '--service', 'bouwvergunning', '--out', 'aftoetsing.csv'])).status,
    ).toBe(1);

    const fields = {
      phase: 'pre',
      assessedOn: '15/08/2026',
      serviceName: 'Bouwvergunning aanvragen',
      targetGroups: 'burgers, ondernemers',
      budgetEur: '€ 1.200.000',
      expectedUsers: '40.000',
    };
    writeFileSync(
      join(work, 'ingevuld.csv'),
      fillTemplate(template, fields, (id) =>
        id === 'SD-G1'
          ? ['nee', 'Een afspraak blijft nodig voor de plaatsbezoeken.']
          : id === 'BT-I1'
            ? ['nvt', 'De dienst verwerkt geen gevoelige gegevens.']
            : ['ja'],
      ),
    );
    const dry = await cli(['assessment', 'upload', 'ingevuld.csv', '--dry-run']);
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain(
      'ingevuld.csv: pre assessment of OVO000321/bouwvergunning on 2026-08-15, 52 criteria checked (separator: semicolon)',
    );
    expect(dry.stdout).toContain(
      '    {"criterionId":"SD-G1","answer":"no","explanation":"Een afspraak blijft nodig voor de plaatsbezoeken."},',
    );
    expect(dry.stdout).toContain(
      '  "service": {"name":"Bouwvergunning aanvragen","targetGroups":["burgers","ondernemers"],"budgetEur":1200000,"expectedUsers":40000,"eloketten":[]},',
    );
    expect(dry.stdout.trim().split('\n').at(-1)).toBe('dry run: nothing was sent');
    expect((await get('/v1/services/OVO000321/bouwvergunning', provider)).status).toBe(404);

    const sent = await cli(['assessment', 'upload', 'ingevuld.csv', '--key', provider]);
    expect(sent.stderr).toBe('');
    expect(sent.status).toBe(0);
    expect(sent.stdout.trim().split('\n').at(-1)).toMatch(
      /^stored as assessment [0-9a-f-]{36} \(significant: true\); scores: SD 92%, GC 100%, DH 100%, DG 100%, BT 100%, all 98%$/,
    );
    const service = await get('/v1/services/OVO000321/bouwvergunning', provider);
    expect(service.body).toMatchObject({ name: 'Bouwvergunning aanvragen', significant: true, pre: { assessedOn: '2026-08-15' } });
    expect(service.body.history).toHaveLength(1);

    // The same file again is the same assessment (an idempotent replay), not a second one.
    const again = await cli(['assessment', 'upload', 'ingevuld.csv', '--key', provider]);
    expect(again.status).toBe(0);
    expect(again.stdout.trim().split('\n').at(-1)).toMatch(
      /^already stored: this file was sent before \(assessment [0-9a-f-]{36}\); nothing new was stored$/,
    );

    writeFileSync(
      join(work, 'fout-aftoetsing.csv'),
      fillTemplate(template, { ...fields, assessedOn: '2026/08/15' }, (id) =>
        id === 'SD-G2' ? ['nee'] : id === 'GC-G1' ? ['misschien'] : ['ja'],
      ),
    );
    const bad = await cli(['assessment', 'upload', 'fout-aftoetsing.csv', '--key', provider]);
    expect(bad.status).toBe(1);
    const line = (id: string) => 15 + criteria.findIndex((c) => c.id === id);
    expect(bad.stdout.trim().split('\n')).toEqual([
      'fout-aftoetsing.csv: line 6, assessedOn: "2026/08/15" is not a date: write it as YYYY-MM-DD (for example 2026-10-01)',
      `fout-aftoetsing.csv: line ${line('SD-G2')}, explanation: criterion SD-G2 is not met: explain why (comply or explain)`,
      `fout-aftoetsing.csv: line ${line('GC-G1')}, answer: "misschien" is not an answer: write ja, nee or nvt (or yes, no, not_applicable)`,
    ]);
    expect(bad.stderr.trim()).toBe('3 problem(s) in fout-aftoetsing.csv; nothing was sent');
    expect((await get('/v1/services/OVO000321/bouwvergunning', provider)).body.history).toHaveLength(1);
  });

  it('sends plannedBy and goLiveOn only when they are filled in', async () => {
    const t = await cli(['assessment', 'template', '--org', 'OVO000321', '--service', 'kapvergunning']);
    expect(t.status).toBe(0);
    const fields = { phase: 'pre', assessedOn: '2026-08-15', serviceName: 'Kapvergunning', targetGroups: 'burgers' };
    const template = `\uFEFF${t.stdout.trim().split('\n').join('\r\n')}\r\n`;
    writeFileSync(
      join(work, 'zonder.csv'),
      fillTemplate(template, fields, () => ['ja']),
    );
    writeFileSync(
      join(work, 'met.csv'),
      fillTemplate(template, { ...fields, goLiveOn: '1/03/2027' }, (id) => (id === 'SD-G1' ? ['nee', 'Later.', '30/06/2027'] : ['ja'])),
    );
    const without = await cli(['assessment', 'upload', 'zonder.csv', '--dry-run']);
    expect(without.status).toBe(0);
    expect(without.stdout).not.toContain('goLiveOn');
    expect(without.stdout).not.toContain('plannedBy');
    const withThem = await cli(['assessment', 'upload', 'met.csv', '--dry-run']);
    expect(withThem.status).toBe(0);
    expect(withThem.stdout).toContain('"eloketten":[],"goLiveOn":"2027-03-01"}');
    expect(withThem.stdout).toContain('{"criterionId":"SD-G1","answer":"no","explanation":"Later.","plannedBy":"2027-06-30"}');
  });
});

describe('plans upload', () => {
  it('checks a Belgian yearly plan whole, posts it, and a second upload replaces it as the next version', async () => {
    const provider = await newKey('--role', 'service-provider', '--org', 'OVO000456');
    const header = 'serviceId;kind;name;targetGroups;budgetEur;expectedUsers;startsOn;goLiveOn';
    excelFile('jaarplan.csv', [header, 'premie;nieuw;Premie aanvragen;burgers;€ 750.000;;1/02/2026;15/09/2026']);
    const first = await cli(['plans', 'upload', '--year', '2026', '--org', 'OVO000456', 'jaarplan.csv', '--key', provider]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('jaarplan.csv: line 2, budgetEur: "€ 750.000" read as 750000 (Flemish notation)');
    expect(first.stdout.trim().split('\n').at(-1)).toMatch(
      /^stored as version 1 of the plan of OVO000456 for 2026 \(plan [0-9a-f-]{36}\)$/,
    );
    const again = await cli(['plans', 'upload', '--year', '2026', '--org', 'OVO000456', 'jaarplan.csv', '--key', provider]);
    expect(again.stdout.trim().split('\n').at(-1)).toMatch(/^stored as version 2 of the plan .*; it replaces the earlier version$/);

    excelFile('fout-jaarplan.csv', [header, 'premie;soms;Premie;burgers;;;2026-02-01;2026-01-01']);
    const bad = await cli(['plans', 'upload', '--year', '2026', '--org', 'OVO000456', 'fout-jaarplan.csv', '--key', provider]);
    expect(bad.status).toBe(1);
    expect(bad.stdout.trim().split('\n')).toEqual([
      'fout-jaarplan.csv: line 2, kind: write one of: new, rework',
      'fout-jaarplan.csv: line 2, goLiveOn: goes live (2026-01-01) before the work starts (2026-02-01)',
    ]);
    expect(bad.stderr.trim()).toBe('2 problem(s) in fout-jaarplan.csv; nothing was sent');
  });
});

describe('keys, organisations and e-loketten', () => {
  it('lists keys without their hash, as a table and as JSON, and revokes one', async () => {
    const key = await newKey('--role', 'service-provider', '--org', 'OVO000999', '--label', 'Jan, team Omgeving');
    const keyId = key.split('_')[1]!;
    const table = await cli(['keys', 'list']);
    expect(table.status).toBe(0);
    const lines = table.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^keyId\s+role\s+org\/eloket\s+label\s+createdAt$/);
    expect(lines.find((l) => l.startsWith(keyId))).toMatch(
      new RegExp(`^${keyId}\\s+service-provider\\s+OVO000999\\s+Jan, team Omgeving\\s+\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z$`),
    );
    expect(table.stdout).not.toMatch(/[0-9a-f]{64}/);
    const json = JSON.parse((await cli(['keys', 'list', '--json'])).stdout) as Array<Record<string, unknown>>;
    expect(json.find((k) => k.keyId === keyId)).toEqual({
      keyId,
      role: 'service-provider',
      organisationId: 'OVO000999',
      label: 'Jan, team Omgeving',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(Object.keys(json[0]!).sort()).not.toContain('pk');

    const revoked = await cli(['keys', 'revoke', keyId]);
    expect(revoked.status).toBe(0);
    expect(revoked.stdout.trim().split('\n')).toEqual([
      `key ${keyId} revoked: role service-provider, organisation OVO000999 (Jan, team Omgeving)`,
      'note: an API container that used this key in the last minute may still accept it for up to 60 seconds.',
    ]);
    // never used, so no container remembers it: refused at once
    expect((await get('/v1/services/OVO000999/x', key)).status).toBe(401);
    expect((await cli(['keys', 'list', '--json'])).stdout).not.toContain(keyId);
    const again = await cli(['keys', 'revoke', keyId]);
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe(`no key ${keyId}; see npm run dds -- keys list`);
  });

  it('imports organisations from a Belgian Excel file and lists them', async () => {
    excelFile('organisaties.csv', [
      'organisationId;name;kind;policyDomain',
      'OVO000321;Departement Omgeving;department;Omgeving',
      'OVO000123;Agentschap Wonen, Vlaanderen;agency;Wonen',
    ]);
    const imported = await cli(['orgs', 'import', 'organisaties.csv']);
    expect(imported.stdout.trim()).toBe('2 organisation(s) registered');
    expect((await cli(['orgs', 'list'])).stdout.trim().split('\n')).toEqual([
      'organisationId  name                          kind        policyDomain',
      'OVO000123       Agentschap Wonen, Vlaanderen  agency      Wonen',
      'OVO000321       Departement Omgeving          department  Omgeving',
      '2 organisation(s)',
    ]);
    expect(JSON.parse((await cli(['orgs', 'list', '--json'])).stdout)).toEqual([
      { organisationId: 'OVO000123', name: 'Agentschap Wonen, Vlaanderen', kind: 'agency', policyDomain: 'Wonen' },
      { organisationId: 'OVO000321', name: 'Departement Omgeving', kind: 'department', policyDomain: 'Omgeving' },
    ]);
  });

  it('says when a key is for an organisation the register does not hold, and refuses one that differs only by case', async () => {
    const unregistered = await cli(['keys', 'create', '--role', 'service-provider', '--org', 'OVO000777']);
    expect(unregistered.status).toBe(0);
    expect(unregistered.stdout.trim().split('\n').at(-1)).toMatch(/^dds_/);
    expect(unregistered.stderr.trim()).toBe(
      'note: OVO000777 is not in the organisation register: reports show its id instead of a name, and its services are compared with peers without a policy domain; add it with: npm run dds -- orgs import <file.csv>',
    );
    excelFile('een-organisatie.csv', ['organisationId;name;kind;policyDomain', 'OVO000778;Agentschap Zorg;agency;Welzijn']);
    expect((await cli(['orgs', 'import', 'een-organisatie.csv'])).status).toBe(0);
    const registered = await cli(['keys', 'create', '--role', 'service-provider', '--org', 'OVO000778']);
    expect(registered.stderr).toBe('');
    const byCase = await cli(['keys', 'create', '--role', 'service-provider', '--org', 'ovo000778']);
    expect(byCase.status).toBe(2);
    expect(byCase.stdout).toBe('');
    expect(byCase.stderr.split('\n')[0]).toBe('--org ovo000778 differs only by case from the registered OVO000778: write OVO000778');
  });

  it('registers a thematic e-loket and lists them all', async () => {
    expect((await cli(['eloketten', 'add', 'omgevingsloket', '--name', 'Omgevingsloket'])).stdout.trim()).toBe(
      'e-loket omgevingsloket registered',
    );
    expect((await cli(['eloketten', 'list'])).stdout.trim().split('\n')).toEqual([
      'eloketId               kind      name',
      'mijn-burgerprofiel     main      Mijn Burgerprofiel',
      'e-loket-ondernemers    main      E-loket voor ondernemers',
      'verenigingsloket       main      Verenigingsloket',
      'loket-lokale-besturen  main      Loket voor Lokale Besturen',
      'omgevingsloket         thematic  Omgevingsloket',
      '5 e-loket(ten)',
    ]);
    expect(JSON.parse((await cli(['eloketten', 'list', '--json'])).stdout).at(-1)).toEqual({
      id: 'omgevingsloket',
      name: 'Omgevingsloket',
      main: false,
    });
  });
});

describe('indicators import', () => {
  it('refuses a file that would change a published version, naming every problem at once on its line and column (exit 1), then publishes a new one', async () => {
    excelFile('indicatoren-fout.csv', [
      'id;label;kind;scale;better;good;goodLabel;criteria',
      'wcagLevel;Toegankelijkheid;level;none|A|AA|AAA;higher;AA;;GC-I1',
      'statusTracking;Stand van zaken online;yesno;;;;;GC-G4 XY-Z1',
      'taalniveau;Taal;level;A1|A2|B1;sideways;C2;;SD-G1 ZZ-G9',
      'wachtrij;Wachtrij;count;10-5;;;;',
    ]);
    const refused = await cli(['indicators', 'import', 'indicatoren-fout.csv']);
    expect(refused.status).toBe(1);
    expect(refused.stdout.trim().split('\n')).toEqual([
      'indicatoren-fout.csv: line 2, id: indicator wcagLevel is published in version 2026-10 and never changes (this row changes label, goodLabel): give a changed indicator a new id',
      'indicatoren-fout.csv: line 3, criteria: unknown criterion XY-Z1: write criteria of the criteria catalog 2022-07, e.g. SD-G1',
      'indicatoren-fout.csv: line 4, better: write lower or higher (found "sideways")',
      'indicatoren-fout.csv: line 4, good: write one of the levels A1|A2|B1: the worst that is still good (found "C2")',
      'indicatoren-fout.csv: line 4, criteria: unknown criterion ZZ-G9: write criteria of the criteria catalog 2022-07, e.g. SD-G1',
      'indicatoren-fout.csv: line 5, scale: the scale 10-5 is empty: write it as lowest-highest, e.g. 1-1000',
      'indicatoren-fout.csv: line 5, criteria: name at least one criterion, e.g. SD-G1',
    ]);
    expect(refused.stderr.trim()).toBe('7 problem(s) in indicatoren-fout.csv; nothing was stored');
    excelFile('indicatoren.csv', [
      'id;label;kind;scale;better;good;goodLabel;criteria',
      'statusTracking;Stand van zaken online;yesno;;;;;GC-G4 BT-G5',
    ]);
    // The committee's today is the stack's (the one clock): a version is named after the month or day it was agreed, not later.
    const later = await cli(['indicators', 'import', 'indicatoren.csv', '--version', '2030-01'], { DDS_TODAY: TODAY });
    expect(later.status).toBe(1);
    expect(later.stdout.trim()).toBe(
      'indicatoren.csv: version 2030-01 is after today (2026-11-26): a version is named after the month or day it was agreed, YYYY-MM or YYYY-MM-DD, 2026-11 or 2026-11-26 at the latest',
    );
    const published = await cli(['indicators', 'import', 'indicatoren.csv', '--version', '2026-11'], { DDS_TODAY: TODAY });
    expect(published).toMatchObject({ status: 0, stderr: '' });
    expect(published.stdout.trim()).toBe('published indicator catalog version 2026-11 (8 indicators; new: statusTracking)');
    const doc = (await (await fetch(`${stack.apiUrl}/v1/indicator-catalog`)).json()) as { currentVersion: string };
    expect(doc.currentVersion).toBe('2026-11');
  });
});

describe('report', () => {
  it('publishes both reports and prints the URLs of what it published, each of which serves', async () => {
    const r = await cli(['report', '--period', '2026-Q3']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^published the reports of 2026-Q3 \(report [0-9a-f-]{36}, code version cli-test, data as of \d{4}-/);
    const urls = lines.filter((l) => l.startsWith('  ')).map((l) => l.trim().replace(/^index of every period: /, ''));
    expect(urls).toContain(`${stack.apiUrl}/reports/2026-Q3/index.html`);
    expect(urls).toContain(`${stack.apiUrl}/reports/2026-Q3/report.json`);
    expect(urls).toContain(`${stack.apiUrl}/reports/`);
    expect(urls).toContain(`${stack.apiUrl}/committee/2026-Q3/explanations.csv`);
    expect(urls).toContain(`${stack.apiUrl}/reports/2026-Q3/kanalen.csv-metadata.json`);
    expect(urls).toContain(`${stack.apiUrl}/committee/2026-Q3/opmerkingen.csv`);
    // public: the page, report.json, 8 CSV files and the CSVW description beside each; the index; committee: the page, report.json and 19 CSV files
    expect(urls).toHaveLength(10 + 8 + 1 + 21);
    for (const url of urls) {
      const res = await fetch(url, { headers: { authorization: `Bearer ${admin}` } });
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
    }
    const report = (await (await fetch(`${stack.apiUrl}/reports/2026-Q3/report.json`)).json()) as { codeVersion: string };
    expect(report.codeVersion).toBe('cli-test');
  });
});

describe('feedback erase', () => {
  it('erases, says which published reports it republished, and refuses an incomplete command line with its usage', async () => {
    const r = await cli(['feedback', 'erase', '--org', 'OVO000999', '--service', 'zonder-opmerkingen']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['erased 0 comment(s) of OVO000999/zonder-opmerkingen', 'no published report showed them']);
    const wrong = await cli(['feedback', 'erase', '--org', 'OVO000999']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--org <organisationId> and --service <serviceId> are required');
  });
});

describe('the process', () => {
  it('exits 0 on --help and 2 on a mistake, with the usage on stdout and on stderr', async () => {
    const help = await cli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout.split('\n')[0]).toBe('usage: npm run dds -- [--aws] <command> [options]');
    const wrong = await cli(['orgs', 'export']);
    expect(wrong.status).toBe(2);
    expect(wrong.stdout).toBe('');
    expect(wrong.stderr.split('\n')[0]).toBe('unknown command: orgs export');
  });

  it('ends quietly when the reader of its output stops early, as `| head` does', async () => {
    const child = spawn(process.execPath, ['--openssl-legacy-provider', '--import', 'tsx', 'infra/cli/dds.ts', 'keys', 'list'], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The reading end is closed before the command writes a line: every write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });

  it('through npm run, resolves a relative path from the folder npm was started in', async () => {
    // npm itself says where it was started
    const { INIT_CWD: _ignored, ...withoutInitCwd } = env;
    excelFile('via-npm.csv', ['organisationId;targetGroup;servicesOffered', 'OVO1;burgers;3']);
    const r = await run(
      'npm',
      ['--prefix', REPO_ROOT, 'run', '--silent', 'dds', '--', 'counts', 'upload', '--period', '2026-Q2', 'via-npm.csv', '--dry-run'],
      { cwd: work, env: withoutInitCwd },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('via-npm.csv: 1 row checked (separator: semicolon)');
  });
});
