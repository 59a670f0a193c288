// Erasing a service's comments republishes every published committee report
// that showed them (and only those), against the stand-ins; a failure halfway
// is finished by erasing again, since the periods still to republish are
// kept from before the comments are deleted.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoErasureLog } from '../../shared/adapters/erasure-log.js';
import { s3ObjectStore, type ObjectStore } from '../../shared/adapters/object-store.js';
import { eraseComments } from '../../shared/use-cases/erase-comments.js';
import { publishReports } from '../../shared/use-cases/publish-reports.js';
import { wire } from '../support/handlers.js';
import { wireFeedback } from '../support/feedback-handlers.js';
import { standIns } from '../support/stand-ins.js';

type Env = Awaited<ReturnType<typeof standIns>>;
let env: Env;
let fb: ReturnType<typeof wireFeedback>;
const ORG = 'OVO000601';
// Letters only: a random run of digits could be masked as a phone number.
const CANARY = `wis${randomUUID()
  .replace(/-/g, '')
  .replace(/\d/g, (d) => 'ghijklmnop'.charAt(Number(d)))}`;
let clock = new Date('2026-08-01T09:00:00Z');

const deps = (objects?: ObjectStore) => {
  const publish = wire(env, {
    today: '2026-11-26',
    now: () => new Date('2026-11-26T06:00:00Z'),
    ...(objects ? { objects } : {}),
  }).publishDeps;
  return { comments: fb.comments, erasures: dynamoErasureLog(env.doc, env.name('control')), publish };
};
const committeeText = async (period: string) =>
  (await s3ObjectStore(env.s3).get(env.name('committeeReports'), `committee/${period}/index.html`))!.body +
  (await s3ObjectStore(env.s3).get(env.name('committeeReports'), `committee/${period}/report.json`))!.body +
  (await s3ObjectStore(env.s3).get(env.name('committeeReports'), `committee/${period}/opmerkingen.csv`))!.body;

beforeAll(async () => {
  env = await standIns('erase');
  fb = wireFeedback(env, { now: () => clock });
  const key = (await fb.keys.create({ role: 'service-provider', organisationId: ORG })).key;
  await fb.assess(key, ORG, 'vergunning');
  await fb.assess(key, ORG, 'andere');
  clock = new Date('2026-08-10T10:00:00Z');
  expect((await fb.postJson(ORG, 'vergunning', { rating: 2, comment: `${CANARY} formulier` }, { ip: '192.0.2.1' })).statusCode).toBe(201);
  expect((await fb.postJson(ORG, 'andere', { rating: 4, comment: 'Over een andere dienst.' }, { ip: '192.0.2.2' })).statusCode).toBe(201);
  clock = new Date('2026-10-02T10:00:00Z');
  expect(
    (
      await fb.postAggregates(key, {
        organisationId: ORG,
        period: '2026-Q3',
        services: [
          {
            serviceId: 'vergunning',
            responses: 1,
            ratings: { '1': 0, '2': 0, '3': 1, '4': 0, '5': 0 },
            comments: [`${CANARY} eigen tool`],
          },
        ],
      })
    ).statusCode,
  ).toBe(201);
  await fb.drain();
  for (const period of ['2026-08', '2026-09', '2026-Q3']) await publishReports(deps().publish, period);
  expect(await committeeText('2026-08')).toContain(`${CANARY} formulier`);
  expect(await committeeText('2026-Q3')).toContain(`${CANARY} eigen tool`);
});

describe('erasing a service’s comments', () => {
  it('is finished by erasing again when republishing failed halfway', async () => {
    // S3 fails on the first write of the republishing: the comments are gone, the reports still show them.
    const real = s3ObjectStore(env.s3);
    const failing: ObjectStore = { ...real, put: () => Promise.reject(new Error('S3 unavailable')) };
    await expect(eraseComments(deps(failing), { organisationId: ORG, serviceId: 'vergunning' })).rejects.toThrow('S3 unavailable');
    expect(await fb.comments.erasable(ORG, 'vergunning')).toEqual([]);
    expect(await committeeText('2026-Q3')).toContain(CANARY);
    expect(await dynamoErasureLog(env.doc, env.name('control')).pending(ORG, 'vergunning')).toEqual(['2026-08', '2026-Q3']);

    const lines: string[] = [];
    // Nothing is left to erase, but the periods kept in the log are republished.
    expect(await eraseComments(deps(), { organisationId: ORG, serviceId: 'vergunning' }, (l) => lines.push(l))).toEqual({
      items: 0,
      comments: 0,
      republished: ['2026-08', '2026-Q3'],
      versionsDeleted: 0,
    });
    expect(lines).toEqual([
      'republished the reports of 2026-08; deleted 0 older version(s) of its committee files',
      'republished the reports of 2026-Q3; deleted 0 older version(s) of its committee files',
    ]);
    for (const period of ['2026-08', '2026-Q3']) {
      const text = await committeeText(period);
      expect(text, period).not.toContain(CANARY);
      // The other service's comment stays.
      expect(text, period).toContain('Over een andere dienst.');
    }
    expect(await dynamoErasureLog(env.doc, env.name('control')).pending(ORG, 'vergunning')).toEqual([]);
  });

  it('republishes only the reports whose period held a comment: a month without one is left as it was', async () => {
    const reportIds = async () =>
      Object.fromEntries((await wire(env).projections.listReports()).map((r) => [r.payload.period, r.payload.reportId]));
    const published = await reportIds();
    const before = (await s3ObjectStore(env.s3).get(env.name('committeeReports'), 'committee/2026-08/report.json'))!.body;
    const erased = await eraseComments(deps(), { organisationId: ORG, serviceId: 'andere' });
    expect(erased).toMatchObject({ items: 1, comments: 1, republished: ['2026-08', '2026-Q3'] });
    const republished = await reportIds();
    // 2026-09 showed no comment of the service: its publication stands; the other two were published anew.
    expect(republished['2026-09']).toBe(published['2026-09']);
    expect(republished['2026-08']).not.toBe(published['2026-08']);
    expect(republished['2026-Q3']).not.toBe(published['2026-Q3']);
    const after = (await s3ObjectStore(env.s3).get(env.name('committeeReports'), 'committee/2026-08/report.json'))!.body;
    expect(after).not.toBe(before);
    expect(after).not.toContain('Over een andere dienst.');
    // The public reports never held a comment, and still do not.
    for (const key of await s3ObjectStore(env.s3).list(env.name('publicReports'), 'reports/'))
      expect((await s3ObjectStore(env.s3).get(env.name('publicReports'), key))!.body, key).not.toMatch(
        new RegExp(`${CANARY}|Over een andere dienst`),
      );
  });
});
