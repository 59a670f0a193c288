// The local API: the topology's routes served over real HTTP by the same
// handlers, each request turned into the API Gateway (HTTP API, payload 2.0)
// event that AWS would deliver. It also serves the published reports.
import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { errorResult, fromStoreFault } from '../../shared/adapters/http.js';
import { functionSpecs, type FunctionSpec } from '../topology.js';
import { lambdaContext } from './lambda-context.js';
import type { LambdaHandler } from './load-handler.js';

export interface CompiledRoute {
  functionName: string;
  spec: FunctionSpec;
  method: string;
  path: string;
  pattern: RegExp;
  params: string[];
}

export function compileRoutes(): CompiledRoute[] {
  return functionSpecs().flatMap(([functionName, spec]) =>
    (spec.routes ?? []).map((r) => {
      const params: string[] = [];
      // /v1/services/{organisationId}/{serviceId} → ^/v1/services/([^/]+)/([^/]+)$
      const source = r.path
        .split('/')
        .map((segment) => {
          const param = /^\{(\w+)(\+?)\}$/.exec(segment);
          if (!param) return segment.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
          params.push(param[1]!);
          // {name+} is API Gateway's greedy variable: the rest of the path.
          return param[2] ? '(.+)' : '([^/]+)';
        })
        .join('/');
      // As API Gateway does, a path matches its route with or without a trailing slash
      // (a greedy variable takes the slash itself).
      const slash = r.path.endsWith('+}') ? '' : '/?';
      return { functionName, spec, method: r.method, path: r.path, pattern: new RegExp(`^${source}${slash}$`), params };
    }),
  );
}

/** Reads the body, stopping early past `limit` bytes (the handler then answers 413). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const b = chunk as Buffer;
    size += b.length;
    if (size <= limit) chunks.push(b);
  }
  return Buffer.concat(chunks);
}

export interface StaticSite {
  /** GET of a path under a prefix: return the response, or null to fall through */
  serve(req: IncomingMessage, url: URL): Promise<{ status: number; headers: Record<string, string>; body: string } | null>;
}

/** A malformed %-escape stays as it came, for the handler to refuse (never a 500). */
function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const TEXT_TYPES = /^(?:application\/json|text\/|application\/(?:[\w.+-]+\+)?json)/i;

export function toApiGatewayEvent(
  req: IncomingMessage,
  url: URL,
  route: CompiledRoute,
  match: RegExpExecArray,
  body: Buffer,
): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => (query[k] = query[k] === undefined ? v : `${query[k]},${v}`));
  const pathParameters: Record<string, string> = {};
  route.params.forEach((p, i) => (pathParameters[p] = safeDecode(match[i + 1] ?? '')));
  // Text as text, as API Gateway passes it; bytes that are not UTF-8 go as base64 so the handler can refuse them
  // (decoding them here would turn each bad byte into U+FFFD without a word).
  const isText = body.length === 0 || (TEXT_TYPES.test(headers['content-type'] ?? '') && isUtf8(body));
  const now = new Date();
  return {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(route.params.length ? { pathParameters } : {}),
    ...(body.length ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: !isText,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
  };
}

function send(res: ServerResponse, status: number, headers: Record<string, string | number | boolean>, body: string): void {
  res.writeHead(status, headers as Record<string, string>);
  res.end(body);
}

const notFound = (res: ServerResponse) =>
  send(
    res,
    404,
    { 'content-type': 'application/json; charset=utf-8' },
    JSON.stringify({ error: { code: 'not_found', message: 'no such route', details: [] } }),
  );

export async function startHttpServer(options: {
  host: string;
  port: number;
  routes: CompiledRoute[];
  handlers: ReadonlyMap<string, LambdaHandler>;
  sites: StaticSite[];
  onError?: (err: unknown) => void;
}): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const { routes } = options;
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      for (const route of routes) {
        const match = route.pattern.exec(url.pathname);
        if (!match || route.method !== req.method) continue;
        const body = await readBody(req, 2 * 1024 * 1024);
        const handler = options.handlers.get(route.functionName);
        if (!handler) throw new Error(`no handler loaded for ${route.functionName}`);
        const event = toApiGatewayEvent(req, url, route, match, body);
        const result = (await handler(
          event,
          lambdaContext(route.functionName, route.spec.timeoutSeconds, route.spec.memoryMb),
        )) as APIGatewayProxyStructuredResultV2;
        const out = result.isBase64Encoded && result.body ? Buffer.from(result.body, 'base64').toString() : (result.body ?? '');
        return send(res, result.statusCode ?? 200, result.headers ?? {}, out);
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        for (const site of options.sites) {
          const r = await site.serve(req, url);
          if (r) return send(res, r.status, r.headers, req.method === 'HEAD' ? '' : r.body);
        }
      }
      req.resume();
      return notFound(res);
    })().catch((err: unknown) => {
      // A store that is down behind a static site is a 503, as it is behind a handler.
      const fault = fromStoreFault(err);
      if (fault && !res.headersSent) {
        const r = errorResult(fault);
        return send(res, r.statusCode ?? 503, r.headers ?? {}, r.body ?? '');
      }
      options.onError?.(err);
      if (!res.headersSent) {
        send(
          res,
          500,
          { 'content-type': 'application/json; charset=utf-8' },
          JSON.stringify({ error: { code: 'internal_error', message: 'something went wrong on our side', details: [] } }),
        );
      } else res.end();
    });
  });
  // Idle connections stay open longer than a client keeps them (undici: a few seconds), so a client
  // never reuses one the server is just closing ("other side closed") on a busy machine.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    // A deep accept queue, as API Gateway's front would have: a burst of new connections (an e-loket's batch,
    // the overload test's 1,300) waits to be accepted instead of overflowing Node's default of 511 and reset.
    server.listen({ port: options.port, host: options.host, backlog: 4096 }, () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://${options.host}:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
