// Comments are personal data (design §2, §2.1): masked before storage,
// stored apart with a retention time, never in an event, a projection, a
// public report, a log line or an error message — only in the committee's
// report, masked as stored; and erased at once on demand, with the reports
// that showed them republished. The canary: a unique word in every comment,
// searched for everywhere.
import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { Logger } from '@aws-lambda-powertools/logger';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { publishReports } from '../../shared/use-cases/publish-reports.js';
import { feedbackErase } from '../../infra/cli/commands/feedback-erase.js';
import { resources, type ResourceName } from '../../infra/topology.js';
import { rebuildProjections } from '../../shared/use-cases/project.js';
import { wire } from '../support/handlers.js';
import { bodyOf, wireFeedback } from '../support/feedback-handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let app: ReturnType<typeof wireFeedback>;
let owner: string;
const ORG = 'OVO000321';
// Letters only: a random run of digits could be masked as a phone number.
const CANARY = `kanarie${randomUUID()
  .replace(/-/g, '')
  .replace(/\d/g, (d) => 'ghijklmnop'.charAt(Number(d)))}`;
let clock = new Date('2026-08-10T10:00:00Z');
const logged: string[] = [];
const names = () =>
  Object.fromEntries((Object.keys(resources) as ResourceName[]).map((r) => [r, env.name(r)])) as Record<ResourceName, string>;

/** What the CLI gives the erase command; the reports are rebuilt on the test's day. */
const target = () => ({
  ddb: env.doc,
  s3: env.s3,
  names: names(),
  codeVersion: 'test',
  today: '2026-11-26',
  now: () => new Date('2026-11-26T08:00:00Z'),
});

async function tableText(table: ResourceName): Promise<string> {
  const out = await env.ddb.send(new ScanCommand({ TableName: env.name(table) }));
  return JSON.stringify(out.Items ?? []);
}

async function bucketText(bucket: ResourceName): Promise<{ keys: number; text: string }> {
  const listed = await env.s3.send(new ListObjectsV2Command({ Bucket: env.name(bucket) }));
  let text = '';
  for (const o of listed.Contents ?? []) {
    const got = await env.s3.send(new GetObjectCommand({ Bucket: env.name(bucket), Key: o.Key! }));
    text += await got.Body!.transformToString();
  }
  return { keys: listed.Contents?.length ?? 0, text };
}

beforeAll(async () => {
  env = await standIns('fbprivacy');
  // What Lambda would write to CloudWatch, at the most talkative level.
  const capture = (stream: NodeJS.WriteStream) =>
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(String(chunk));
      return true;
    });
  capture(process.stdout);
  capture(process.stderr);
  app = wireFeedback(env, { now: () => clock, logger: new Logger({ serviceName: 'canary', logLevel: 'DEBUG' }) });
  owner = (await app.keys.create({ role: 'service-provider', organisationId: ORG })).key;
  await app.assess(owner, ORG, 'vergunning');
});

afterAll(() => vi.restoreAllMocks());

describe('the canary', () => {
  it('reaches the comments table and the committee report, masked, and nothing else: no event, projection, public file, log line or error message', async () => {
    expect(
      (await app.postForm(ORG, 'vergunning', { rating: '2', comment: `${CANARY} bel 0470 12 34 56` }, { ip: '192.0.2.1' })).statusCode,
    ).toBe(303);
    expect(
      (await app.postJson(ORG, 'vergunning', { rating: 4, comment: `${CANARY} mail jan@voorbeeld.be` }, { ip: '192.0.2.2' })).statusCode,
    ).toBe(201);
    expect(
      (
        await app.postAggregates(owner, {
          organisationId: ORG,
          period: '2026-07',
          services: [
            {
              serviceId: 'vergunning',
              responses: 1,
              ratings: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 },
              comments: [`${CANARY} rr 85.07.30-033.28`],
            },
          ],
        })
      ).statusCode,
    ).toBe(201);
    // Refused comments: the error says why, never what.
    const refused = [
      await app.postJson(ORG, 'vergunning', { rating: 4, comment: `${CANARY}${'x'.repeat(2001)}` }, { ip: '192.0.2.3' }),
      await app.postJson(ORG, 'vergunning', { rating: 4, comment: `${CANARY}\u0000` }, { ip: '192.0.2.3' }),
      await app.postAggregates(owner, {
        organisationId: ORG,
        period: '2026-07',
        services: [
          { serviceId: 'vergunning', responses: 2, ratings: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 0 }, comments: [`${CANARY}\u202e`] },
        ],
      }),
    ];
    for (const r of refused) {
      expect(r.statusCode).toBe(422);
      expect(r.body).not.toContain(CANARY);
    }
    await app.drain();
    await rebuildProjections({ submissions: app.submissions, projections: app.projections, feedback: app.feedbackDeps });
    const reportEnv = wire(env, { now: () => new Date('2026-11-26T08:00:00Z') });
    await publishReports(reportEnv.publishDeps, '2026-Q3');

    const stored = await tableText('feedbackComments');
    expect(stored).toContain(CANARY);
    expect(stored).toContain('[telefoonnummer]');
    expect(stored).toContain('[e-mailadres]');
    expect(stored).toContain('[rijksregisternummer]');
    for (const personal of ['0470 12 34 56', 'jan@voorbeeld.be', '85.07.30-033.28']) expect(stored).not.toContain(personal);
    for (const table of ['submissions', 'projections', 'control'] as const) expect(await tableText(table), table).not.toContain(CANARY);
    const pub = await bucketText('publicReports');
    expect(pub.keys).toBeGreaterThan(0);
    expect(pub.text).not.toContain(CANARY);
    // The committee reads them, as stored: masked.
    const committee = await bucketText('committeeReports');
    expect(committee.text).toContain(CANARY);
    expect(committee.text).toContain('[telefoonnummer]');
    for (const personal of ['0470 12 34 56', 'jan@voorbeeld.be', '85.07.30-033.28']) expect(committee.text).not.toContain(personal);
    const logs = logged.join('');
    expect(logs).toContain('feedback response stored');
    expect(logs).not.toContain(CANARY);
  });
});

describe('comments', () => {
  it('are shown to the owner until they expire, and not after, even before TTL removes them', async () => {
    const read = (at: Date) => wireFeedback(env, { now: () => at }).getFeedback(owner, ORG, 'vergunning', '2026');
    expect(bodyOf(await read(new Date('2026-09-01T00:00:00Z'))).comments).toHaveLength(3);
    expect(bodyOf(await read(new Date('2027-09-14T00:00:00Z'))).comments).toHaveLength(3);
    expect(bodyOf(await read(new Date('2027-09-16T00:00:00Z'))).comments).toHaveLength(0);
  });

  it('are erased at once, those received before a day or all of them; the figures stay', async () => {
    clock = new Date('2026-09-20T10:00:00Z');
    expect((await app.postJson(ORG, 'vergunning', { rating: 5, comment: 'Later bericht.' }, { ip: '192.0.2.9' })).statusCode).toBe(201);
    await app.drain();
    const view = async () => bodyOf(await app.getFeedback(owner, ORG, 'vergunning', '2026'));
    const figures = (await view()).feedback;
    const out: string[] = [];
    // 2026-Q3's reports were published above, with the canary's comments in the committee's.
    expect(await feedbackErase(target(), { org: ORG, service: 'vergunning', before: '2026-09-01' }, (l) => out.push(l))).toEqual({
      items: 3,
      comments: 3,
      republished: ['2026-Q3'],
      // s3rver keeps no versions (the CDK template test checks the buckets keep them in AWS; object-store-versions the call)
      versionsDeleted: 0,
    });
    expect(out).toEqual([
      'republished the reports of 2026-Q3; deleted 0 older version(s) of its committee files',
      `erased 3 comment(s) of ${ORG}/vergunning received before 2026-09-01`,
      'republished 1 period(s) whose committee report showed them (2026-Q3); deleted 0 older version(s) of their files',
    ]);
    expect((await view()).comments.map((c: { text: string }) => c.text)).toEqual(['Later bericht.']);
    const committee = await bucketText('committeeReports');
    expect(committee.text).not.toContain(CANARY);
    expect(committee.text).toContain('Later bericht.');
    await feedbackErase(target(), { org: ORG, service: 'vergunning' }, () => undefined);
    const after = await view();
    expect(after.comments).toEqual([]);
    expect(after.feedback).toEqual(figures);
    expect(await tableText('feedbackComments')).not.toContain(CANARY);
    expect((await bucketText('committeeReports')).text).not.toContain('Later bericht.');
  });

  it('are erased only with a valid command line', async () => {
    await expect(feedbackErase(target(), { org: ORG, service: 'vergunning', before: '1-9-2026' }, () => undefined)).rejects.toThrow(
      '--before: a date is YYYY-MM-DD',
    );
    await expect(feedbackErase(target(), { org: ORG }, () => undefined)).rejects.toThrow('--service');
  });
});

describe('the retention setting', () => {
  it('sets each comment’s expiry', async () => {
    const short = wireFeedback(env, { now: () => new Date('2026-09-21T10:00:00Z'), retentionDays: 30 });
    expect((await short.postJson(ORG, 'vergunning', { rating: 3, comment: 'Kort bewaard.' }, { ip: '192.0.2.30' })).statusCode).toBe(201);
    const items = JSON.parse(await tableText('feedbackComments')) as Array<{ text?: { S: string }; expiresAt: { N: string } }>;
    const item = items.find((i) => i.text?.S === 'Kort bewaard.')!;
    expect(Number(item.expiresAt.N)).toBe(Date.parse('2026-09-21T10:00:00Z') / 1000 + 30 * 86_400);
  });
});
