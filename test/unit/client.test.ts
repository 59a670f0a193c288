// The typed client calls the operations of the OpenAPI document: each name is
// the document's operationId of the same method and path, and every operation
// of the API but the committee's report files (a browser's) is in the client.
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../shared/adapters/openapi.js';
import { CLIENT_OPERATIONS, ddsClient, DdsApiError } from '../../shared/client/dds-client.js';

type Doc = { paths: Record<string, Record<string, { operationId: string }>> };

describe('the typed client against the OpenAPI document', () => {
  const doc = openApiDocument('test') as unknown as Doc;
  const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ operationId: op.operationId, method: method.toUpperCase(), path })),
  );

  it('names each operation as the document does, with its method and path', () => {
    for (const [operationId, { method, path }] of Object.entries(CLIENT_OPERATIONS))
      expect(documented, operationId).toContainEqual({ operationId, method, path });
  });

  it('covers every operation of the document but the pages for people (reports, the feedback form) and the preflight', () => {
    expect(
      documented
        .map((d) => d.operationId)
        .filter((id) => !(id in CLIENT_OPERATIONS))
        .sort(),
    ).toEqual(['feedbackPreflight', 'getCommitteeIndex', 'getCommitteeReportFile', 'getFeedbackForm', 'getFeedbackThanks']);
  });

  it('sends the key, the body and the idempotency key, fills the path, and throws the contract error', async () => {
    const sent: Array<{ url: string; init: RequestInit }> = [];
    const fake = (async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      if (url.includes('/v1/services/'))
        return new Response(JSON.stringify({ error: { code: 'not_found', message: 'unknown', details: [] } }), { status: 404 });
      if (url.includes('/v1/indicators'))
        return new Response(JSON.stringify({ error: { code: 'conflict', message: 'later', details: [] } }), {
          status: 409,
          headers: { 'retry-after': '2' },
        });
      return new Response(JSON.stringify({ assessmentId: 'a1' }), { status: 201 });
    }) as unknown as typeof fetch;
    const client = ddsClient({ baseUrl: 'http://api.test/', key: 'dds_k', fetch: fake });
    const created = await client.submitAssessment({} as never, { idempotencyKey: 'batch-1' });
    expect(created.status).toBe(201);
    expect(sent[0]!.url).toBe('http://api.test/v1/assessments');
    expect(sent[0]!.init.headers).toMatchObject({
      authorization: 'Bearer dds_k',
      'content-type': 'application/json',
      'idempotency-key': 'batch-1',
    });
    const missing = await client.getService('OVO 1', 'x/y').catch((e: unknown) => e);
    expect(sent[1]!.url).toBe('http://api.test/v1/services/OVO%201/x%2Fy');
    expect(missing).toBeInstanceOf(DdsApiError);
    expect((missing as DdsApiError).status).toBe(404);
    const busy = (await client
      .getIndicatorSeries({ from: '2026-Q1', to: '2026-Q2', groupBy: 'eloket' })
      .catch((e: unknown) => e)) as DdsApiError;
    expect(sent[2]!.url).toBe('http://api.test/v1/indicators/series?from=2026-Q1&to=2026-Q2&groupBy=eloket');
    expect(busy.retryAfterSeconds).toBe(2);
  });

  it("passes a signal on, and keeps the answer as it came when it is not the contract's (the CLI's health check)", async () => {
    const sent: RequestInit[] = [];
    const answers = [
      new Response('<html>not the API</html>', { status: 200 }),
      new Response('{"status":"degraded","checks":{"dynamodb":"unreachable","s3":"ok"}}', { status: 503 }),
      new Response('{"message":"Too Many Requests"}', { status: 429, headers: { 'retry-after': '1' } }),
    ];
    const fake = (async (_url: string, init: RequestInit) => {
      sent.push(init);
      return answers.shift()!;
    }) as unknown as typeof fetch;
    const client = ddsClient({ baseUrl: 'http://api.test', fetch: fake });
    const signal = AbortSignal.timeout(10_000);
    const other = (await client.getHealth({ signal }).catch((e: unknown) => e)) as DdsApiError;
    expect(sent[0]!.signal).toBe(signal);
    expect(sent[0]!.headers).toEqual({ accept: 'application/json' });
    expect(other).toBeInstanceOf(DdsApiError);
    expect([other.status, other.body, other.text, other.message]).toEqual([200, null, '<html>not the API</html>', '200 : no error body']);
    const degraded = (await client.getHealth().catch((e: unknown) => e)) as DdsApiError;
    expect(sent[1]!.signal).toBeUndefined();
    expect([degraded.status, degraded.body, degraded.text]).toEqual([
      503,
      null,
      '{"status":"degraded","checks":{"dynamodb":"unreachable","s3":"ok"}}',
    ]);
    const gateway = (await client.submitPlan({} as never, { signal }).catch((e: unknown) => e)) as DdsApiError;
    expect(sent[2]!.signal).toBe(signal);
    expect(sent[2]!.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json' });
    expect([gateway.status, gateway.body, gateway.details, gateway.retryAfterSeconds]).toEqual([429, null, [], 1]);
  });
});
