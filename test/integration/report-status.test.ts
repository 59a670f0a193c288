// Issue 14 point 11: the reportId that POST /v1/reports answers can be looked
// up. Over HTTP against the local stack (its stream poller feeding the real
// publisher): pending, then published with the URLs of its files, which serve;
// a refused period is failed with the reason; and, with an object store that
// keeps failing, pending while the trigger retries and failed after its last attempt.
import { functionMetrics } from '../../shared/adapters/metrics.js';
import { randomUUID } from 'node:crypto';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import { functions } from '../../infra/topology.js';
import type { ReportRequestedV1 } from '../../events/report-requested.js';
import { makePublishReport } from '../../functions/publish-report/publish-report.js';
import { createLogger } from '../../shared/adapters/logger.js';
import type { ObjectStore } from '../../shared/adapters/object-store.js';
import { eventToAttributes } from '../../shared/adapters/submission-items.js';
import { reportIdFor, type ReportStatus } from '../../shared/domain/report-request.js';
import { httpEvent } from '../support/fixtures.js';
import { wire } from '../support/handlers.js';
import { standIns } from '../support/stand-ins.js';

let stack: LocalStack;
let app: ReturnType<typeof wire>;
let committeeKey: string;

beforeAll(async () => {
  const env = await standIns('reportstatus');
  app = wire(env);
  stack = await startLocalStack({ settings: env.settings, standIns: false });
  committeeKey = (await stack.keys.create({ role: 'steering-committee' })).key;
});

afterAll(async () => {
  await stack?.stop();
});

const status = (reportId: string, key = committeeKey) =>
  fetch(`${stack.apiUrl}/v1/reports/${encodeURIComponent(reportId)}`, { headers: { authorization: `Bearer ${key}` } });

async function waitForStatus(reportId: string, wanted: ReportStatus['status']): Promise<ReportStatus> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const body = (await (await status(reportId)).json()) as ReportStatus;
    if (body.status === wanted) return body;
    if (Date.now() > deadline) throw new Error(`report ${reportId} is still ${JSON.stringify(body)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const requestEvent = (period: string, reportId: string): ReportRequestedV1 => ({
  metadata: { eventId: randomUUID(), type: 'ReportRequested', version: 1, occurredAt: new Date().toISOString() },
  payload: { reportId, period, requestedBy: 'api' },
});

describe('GET /v1/reports/{reportId}', () => {
  it('says pending, then published with the URLs of every file, each of which serves', async () => {
    const requested = await fetch(`${stack.apiUrl}/v1/reports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${committeeKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ period: '2026-Q3' }),
    });
    expect(requested.status).toBe(202);
    const { reportId } = (await requested.json()) as { reportId: string };
    expect(reportId).toMatch(/^2026-Q3\.[0-9a-f-]{36}$/);
    // At once after the request (the publisher may already have finished on a quick machine).
    const first = (await (await status(reportId)).json()) as ReportStatus;
    expect(['pending', 'published']).toContain(first.status);
    expect(first).toMatchObject({ reportId, period: '2026-Q3' });

    const done = await waitForStatus(reportId, 'published');
    const base = stack.apiUrl;
    expect(done.urls?.public.page).toBe(`${base}/reports/2026-Q3/`);
    expect(done.urls?.committee.page).toBe(`${base}/committee/2026-Q3/`);
    expect(done.urls?.public.files).toContain(`${base}/reports/2026-Q3/report.json`);
    expect(done.urls?.committee.files).toContain(`${base}/committee/2026-Q3/explanations.csv`);
    for (const url of [done.urls!.public.page, ...done.urls!.public.files]) expect((await fetch(url)).status, url).toBe(200);
    for (const url of [done.urls!.committee.page, ...done.urls!.committee.files]) {
      expect((await fetch(url, { headers: { authorization: `Bearer ${committeeKey}` } })).status, url).toBe(200);
    }
    expect(done.error).toBeUndefined();
  });

  it('says failed with the reason when the publisher refuses the period', async () => {
    // A request the API would refuse today, stored as if it had been accepted on a wrong clock.
    const reportId = reportIdFor('2099-Q1', randomUUID());
    await app.submissions.putReportRequest(requestEvent('2099-Q1', reportId));
    const failed = await waitForStatus(reportId, 'failed');
    expect(failed).toEqual({
      reportId,
      period: '2099-Q1',
      status: 'failed',
      error: '2099-Q1 ends on 2099-03-31: its reports can be published from the day after',
    });
  });

  it('answers 404 for an id nobody was given, and 403 to a provider', async () => {
    for (const id of ['2026-Q3.00000000-0000-0000-0000-000000000000', 'nonsense', '2026-Q3']) {
      const res = await status(id);
      expect(res.status, id).toBe(404);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('POST /v1/reports');
    }
    const provider = (await stack.keys.create({ role: 'service-provider', organisationId: 'OVO000123' })).key;
    expect((await status('2026-Q3.x', provider)).status).toBe(403);
  });
});

describe('the publisher records a failure after its retries', () => {
  it('is pending with the last error while the trigger retries, and failed once it gives up', async () => {
    // Its own tables, no poller: the record is delivered by hand, once per attempt, as the trigger would.
    const env = await standIns('reportretry');
    const own = wire(env, { today: '2026-11-26' });
    const failing: ObjectStore = {
      ...own.objects,
      put: async () => {
        throw new Error('S3 unavailable');
      },
    };
    const publish = makePublishReport({
      ...own.publishDeps,
      objects: failing,
      logger: createLogger('test'),
      metrics: functionMetrics('test'),
    });
    const reportId = reportIdFor('2026-Q3', randomUUID());
    const event = requestEvent('2026-Q3', reportId);
    await own.submissions.putReportRequest(event);
    const record: DynamoDBRecord = { eventName: 'INSERT', dynamodb: { NewImage: eventToAttributes(event) as never, SequenceNumber: '1' } };
    const ownKey = (await own.keys.create({ role: 'steering-committee' })).key;
    const read = async () => {
      const res = await own.reportStatus(
        httpEvent({
          routeKey: 'GET /v1/reports/{reportId}',
          headers: { authorization: `Bearer ${ownKey}` },
          pathParameters: { reportId },
        }),
        own.context(),
      );
      return JSON.parse(res.body!) as ReportStatus;
    };
    expect(await read()).toEqual({ reportId, period: '2026-Q3', status: 'pending' });

    const attempts = 1 + functions.publishReport.stream.maxRetries;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      // Each attempt fails the record (the whole batch of one), so the trigger retries it, or after the last sets it aside.
      await expect(publish({ Records: [record] }, own.context())).rejects.toThrow('All records failed processing');
      if (attempt < attempts) {
        expect(await read()).toEqual({
          reportId,
          period: '2026-Q3',
          status: 'pending',
          failedAttempts: attempt,
          lastError: 'S3 unavailable',
        });
      }
    }
    expect(await read()).toEqual({ reportId, period: '2026-Q3', status: 'failed', error: 'S3 unavailable' });

    // Redriven once the store is back, it is published after all.
    const healthy = makePublishReport({ ...own.publishDeps, logger: createLogger('test'), metrics: functionMetrics('test') });
    await healthy({ Records: [record] }, own.context());
    expect((await read()).status).toBe('published');
    // A late failure of a duplicate delivery does not undo a publication.
    await expect(publish({ Records: [record] }, own.context())).rejects.toThrow();
    expect((await read()).status).toBe('published');
  });
});
