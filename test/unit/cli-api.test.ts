// How the CLI's upload commands talk to the API through the typed client: the
// health check names what answered (or that nothing did) and how to fix it; a
// refusal keeps the contract's error or the answer as it came; a connection
// that breaks off says to send again; and the progress bar is drawn while the
// body goes out. Against a small HTTP server on this machine, no stack.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, checkApi, refused, refusalOf, trySending, type ApiTarget } from '../../infra/cli/api.js';
import type { CommandContext } from '../../infra/cli/context.js';
import { fetchWithProgress } from '../../infra/cli/upload.js';
import { DdsApiError } from '../../shared/client/dds-client.js';

const fix = 'start it with npm start, or set PORT / --api';
let server: Server;
let url: string;
/** what the server answers, by path */
const routes = new Map<string, (req: IncomingMessage, res: ServerResponse, body: string) => void>();
let received: { headers: IncomingMessage['headers']; body: string } | undefined;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received = { headers: req.headers, body };
      const route = routes.get(req.url ?? '');
      if (route) route(req, res, body);
      else res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const target = (): ApiTarget => ({ url, fix });
const health = (status: number, body: string) =>
  routes.set('/health', (_q, res) => res.writeHead(status, { 'content-type': 'application/json' }).end(body));

describe('the health check before any upload', () => {
  it('passes when the API says it is ok', async () => {
    health(200, '{"status":"ok","checks":{"dynamodb":"ok","s3":"ok"}}');
    await expect(checkApi(target())).resolves.toBeUndefined();
  });

  it('says the API is not healthy, with what it said, when a store is down', async () => {
    health(503, '{"status":"degraded","checks":{"dynamodb":"unreachable","s3":"ok"}}\n');
    await expect(checkApi(target())).rejects.toThrow(
      `the API at ${url} is not healthy (GET /health: 503 {"status":"degraded","checks":{"dynamodb":"unreachable","s3":"ok"}}); try again later`,
    );
  });

  it('says something else answers there, whatever its status', async () => {
    routes.delete('/health');
    await expect(checkApi(target())).rejects.toThrow(`something answers at ${url}, but not the dds API (GET /health: 404): ${fix}`);
    routes.set('/health', (_q, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Welcome</h1>'));
    await expect(checkApi(target())).rejects.toThrow(`something answers at ${url}, but not the dds API (GET /health: 200): ${fix}`);
  });

  it('says nothing answers at the address, and how to fix it', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await expect(checkApi({ url: `http://127.0.0.1:${port}`, fix })).rejects.toThrow(
      `cannot reach the API at http://127.0.0.1:${port}: ${fix}`,
    );
  });
});

describe('sending through the client', () => {
  it('returns a refusal with the contract error, or the answer as it came', async () => {
    routes.set('/v1/plans', (_q, res) =>
      res
        .writeHead(422, { 'content-type': 'application/json' })
        .end('{"error":{"code":"invalid_plan","message":"the plan has 1 problem(s)","details":[{"path":"year","message":"too early"}]}}'),
    );
    const refusal = await trySending(target(), 'send the file again', () => apiClient(target(), 'dds_k').submitPlan({} as never));
    expect(refusal).toBeInstanceOf(DdsApiError);
    expect(received!.headers.authorization).toBe('Bearer dds_k');
    expect(refusalOf(refusal as DdsApiError)).toEqual({
      status: 422,
      code: 'invalid_plan',
      message: 'the plan has 1 problem(s)',
      details: [{ path: 'year', message: 'too early' }],
    });
    routes.set('/v1/plans', (_q, res) => res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad Gateway\n'));
    const other = await trySending(target(), 'send the file again', () => apiClient(target(), 'dds_k').submitPlan({} as never));
    expect(refusalOf(other as DdsApiError)).toEqual({ status: 502, message: 'Bad Gateway', details: [] });
  });

  it('says the connection broke off, and what to do', async () => {
    routes.set('/v1/assessments', (req) => req.socket.destroy());
    await expect(
      trySending(target(), 'send the file again (it is stored once)', () =>
        apiClient(target(), 'dds_k').submitAssessment({} as never, { idempotencyKey: 'csv-1' }),
      ),
    ).rejects.toThrow(`the connection to the API at ${url} broke off (fetch failed); send the file again (it is stored once)`);
  });

  it('draws the progress bar while the counts go out, and gives the answer to the client', async () => {
    routes.set('/v1/service-counts', (_q, res) =>
      res.writeHead(201, { 'content-type': 'application/json' }).end('{"reportId":"r-1","version":1}'),
    );
    const drawn: string[] = [];
    const out = { isTTY: false, write: (s: string) => drawn.push(s) } as unknown as NodeJS.WriteStream;
    const counts = Array.from({ length: 400 }, (_, i) => ({
      organisationId: `OVO${String(i).padStart(6, '0')}`,
      targetGroup: 'burgers' as const,
      servicesOffered: i,
      volumes: { click: i * 1000 },
    }));
    const answer = await apiClient(target(), 'dds_k', fetchWithProgress(400, out)).reportServiceCounts({ period: '2026-Q3', counts });
    expect([answer.status, answer.body]).toEqual([201, { reportId: 'r-1', version: 1 }]);
    expect(received!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(received!.body)).toEqual({ period: '2026-Q3', counts });
    // Not a terminal: a line each time a chunk (16 KiB) passes another quarter of the body (41 KiB, three chunks).
    expect(Buffer.byteLength(received!.body)).toBe(41_408);
    expect(drawn).toEqual([
      '[############..................]  39%  158 / 400 rows\n',
      '[########################......]  79%  317 / 400 rows\n',
      '[##############################] 100%  400 / 400 rows\n',
    ]);
  });
});

describe('a refusal in the CLI', () => {
  const printed: string[] = [];
  const ctx = { out: (l: string) => printed.push(l) } as unknown as CommandContext;
  const refuse = (status: number, code: string, message: string) => () =>
    refused(ctx, { status, code, message, details: [{ path: 'eloket', message: 'not the e-loket of this key' }] }, (d) => d);

  it("keeps the API's own words for a 403, without a generic guess after them", () => {
    expect(refuse(403, 'forbidden', 'this key may only report for e-loket mijn-burgerprofiel')).toThrow(
      /^the API refused it \(403 forbidden\): this key may only report for e-loket mijn-burgerprofiel$/,
    );
    expect(printed).toEqual(['eloket: not the e-loket of this key']);
  });

  it('says what to do about a 401; a 429 already says when to send again', () => {
    expect(refuse(401, 'unauthorized', 'unknown API key')).toThrow(
      'the API refused it (401 unauthorized): unknown API key; the key is unknown or revoked: check --key (or DDS_API_KEY)',
    );
    expect(refuse(429, 'rate_limited', 'too many requests for this key; try again in 12 s')).toThrow(
      /^the API refused it \(429 rate_limited\): too many requests for this key; try again in 12 s$/,
    );
  });
});
