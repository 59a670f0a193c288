// The maturity self-scan (POST /v1/maturity) against the registered themes,
// and the committee's status changes of the actions and support tools, to
// their projections; the CLI commands that register themes and origins.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { feedbackOriginsAdd } from '../../infra/cli/commands/feedback-origins-add.js';
import { maturityThemesImport } from '../../infra/cli/commands/maturity-themes-import.js';
import { resources, type ResourceName } from '../../infra/topology.js';
import { httpEvent, jsonHeaders } from '../support/fixtures.js';
import { bodyOf, wireFeedback } from '../support/feedback-handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let app: ReturnType<typeof wireFeedback>;
let clock = new Date('2026-03-15T10:00:00Z');
let provider: string;
let committee: string;
const ORG = 'KBO0216769073';
const dir = mkdtempSync(join(tmpdir(), 'dds-maturity-'));
const target = () => ({
  ddb: env.doc,
  names: Object.fromEntries((Object.keys(resources) as ResourceName[]).map((r) => [r, env.name(r)])) as Record<ResourceName, string>,
});

const postScan = (key: string, body: unknown) =>
  app.maturity(httpEvent({ routeKey: 'POST /v1/maturity', headers: jsonHeaders(key), body: JSON.stringify(body) }), app.context());
const postStatus = (kind: 'actions' | 'support-tools', id: string, body: unknown, key = committee) =>
  app.status(
    httpEvent({
      routeKey: kind === 'actions' ? 'POST /v1/actions/{n}/status' : 'POST /v1/support-tools/{id}/status',
      headers: jsonHeaders(key),
      pathParameters: kind === 'actions' ? { n: id } : { id },
      body: JSON.stringify(body),
    }),
    app.context(),
  );

beforeAll(async () => {
  env = await standIns('maturity');
  app = wireFeedback(env, { now: () => clock });
  provider = (await app.keys.create({ role: 'service-provider', organisationId: ORG })).key;
  committee = (await app.keys.create({ role: 'steering-committee' })).key;
});

describe('npm run dds -- maturity themes import', () => {
  it('checks the whole file first and names every bad line', async () => {
    const file = join(dir, 'fout.csv');
    writeFileSync(file, 'themeId,name,kleur\nDienstverlening,Dienstverlening,rood\ndata,,blauw\n');
    const out: string[] = [];
    await expect(maturityThemesImport(target(), { file }, (l) => out.push(l))).rejects.toThrow('problem(s) in');
    expect(out.join('\n')).toContain('line 2');
    expect(out.join('\n')).toContain('line 3');
    expect(await app.themes.list()).toEqual([]);
  });

  it('registers the themes of a good file', async () => {
    const file = join(dir, 'themas.csv');
    writeFileSync(
      file,
      '\ufeffthemeId,name,description\ndienstverlening,Dienstverlening,Hoe burgers en ondernemers ons bereiken\ninformatieveiligheid,Informatieveiligheid,\ndata,Data en informatie,\n',
    );
    const out: string[] = [];
    expect(await maturityThemesImport(target(), { file }, (l) => out.push(l))).toBe(3);
    expect(out).toEqual(['3 maturity theme(s) registered']);
    expect((await app.themes.list()).map((t) => t.themeId).sort()).toEqual(['data', 'dienstverlening', 'informatieveiligheid']);
  });
});

describe('POST /v1/maturity', () => {
  const scan = (themes: Record<string, { current: string; ambition: string }>, year = 2026) => ({ organisationId: ORG, year, themes });

  it('stores a scan of registered themes (201)', async () => {
    const res = await postScan(
      provider,
      scan({ dienstverlening: { current: 'basis', ambition: 'integratie' }, data: { current: 'initiatie', ambition: 'basis' } }),
    );
    expect(res.statusCode).toBe(201);
    expect(bodyOf(res)).toEqual({ scanId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('refuses unknown themes and levels, an ambition below the current level, and a year to come (422)', async () => {
    const res = await postScan(
      provider,
      scan(
        {
          dienstverlening: { current: 'integratie', ambition: 'basis' },
          hr: { current: 'basis', ambition: 'basis' },
          data: { current: 'top', ambition: 'basis' },
        },
        2027,
      ),
    );
    expect(res.statusCode).toBe(422);
    expect(
      bodyOf(res)
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['themes.data.current', 'themes.dienstverlening.ambition', 'themes.hr', 'year']);
  });

  it('refuses another organisation’s scan (403)', async () => {
    const other = (await app.keys.create({ role: 'service-provider', organisationId: 'OVO000101' })).key;
    expect((await postScan(other, scan({ data: { current: 'basis', ambition: 'basis' } }))).statusCode).toBe(403);
  });

  it('is projected per organisation and year; a later scan of the year replaces it', async () => {
    clock = new Date('2026-06-01T10:00:00Z');
    expect((await postScan(provider, scan({ data: { current: 'basis', ambition: 'ontwikkeling' } }))).statusCode).toBe(201);
    await app.drain();
    const out = await env.doc.send(
      new QueryCommand({
        TableName: env.name('projections'),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `MATURITY#${ORG}` },
      }),
    );
    expect(out.Items).toHaveLength(1);
    expect(out.Items![0]).toMatchObject({ sk: '2026', year: 2026, submittedAt: '2026-06-01T10:00:00.000Z' });
    expect(JSON.parse(String(out.Items![0]!.themes))).toEqual({ data: { current: 'basis', ambition: 'ontwikkeling' } });
  });
});

describe('POST /v1/actions/{n}/status and /v1/support-tools/{id}/status', () => {
  it('records a status of one of the 21 actions, dated the day in Brussels (201)', async () => {
    clock = new Date('2026-06-30T22:30:00Z');
    const res = await postStatus('actions', '14', { status: 'lopend', note: 'Het feedbackformulier staat online.' });
    expect(res.statusCode).toBe(201);
    expect(bodyOf(res)).toEqual({ changeId: expect.any(String), recordedOn: '2026-07-01', status: 'lopend' });
  });

  it('knows no action outside 1–21 (404), and only the statuses of an action (422)', async () => {
    for (const n of ['0', '22', 'veertien', '14.0']) expect((await postStatus('actions', n, { status: 'lopend' })).statusCode).toBe(404);
    const res = await postStatus('actions', '14', { status: 'ontwikkeld' });
    expect(res.statusCode).toBe(422);
    expect(bodyOf(res).error.details[0].path).toBe('status');
  });

  it('records a support tool’s status, and knows only the seed’s tools', async () => {
    expect((await postStatus('support-tools', 'feedbackinstrument', { status: 'ontwikkeld' })).statusCode).toBe(201);
    expect((await postStatus('support-tools', 'bestaat-niet', { status: 'ontwikkeld' })).statusCode).toBe(404);
    expect((await postStatus('support-tools', 'feedbackinstrument', { status: 'afgerond' })).statusCode).toBe(422);
  });

  it('projects every change, each as its own item', async () => {
    await app.drain();
    await app.drain();
    const changes = await app.feedbackProjections.listStatusChanges();
    expect(changes.map((c) => (c.subject === 'action' ? `${c.action}:${c.status}` : `${c.supportTool}:${c.status}`)).sort()).toEqual([
      '14:lopend',
      'feedbackinstrument:ontwikkeld',
    ]);
  });
});

describe('npm run dds -- feedback origins add', () => {
  it('registers an origin, normalized, and refuses what is not one', async () => {
    const out: string[] = [];
    await feedbackOriginsAdd(target(), { org: 'OVO000123', service: 'vergunning', origin: 'https://WWW.Voorbeeld.be/' }, (l) =>
      out.push(l),
    );
    expect(await app.origins.list('OVO000123', 'vergunning')).toEqual(['https://www.voorbeeld.be']);
    for (const origin of ['http://www.voorbeeld.be', 'https://www.voorbeeld.be/pad', 'www.voorbeeld.be', 'https://x.be?a=1'])
      await expect(feedbackOriginsAdd(target(), { org: 'OVO000123', service: 'vergunning', origin }, () => undefined)).rejects.toThrow(
        '--origin',
      );
  });
});
