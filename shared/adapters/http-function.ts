// Every HTTP function goes through one middy chain: Powertools logging with the
// Lambda context, the contract's error mapping, and the guard; around it, the
// correlation id (the caller's valid x-correlation-id, else the API request
// id: on every log line, on what the request stores, and answered back) and
// the request's metric (accepted by route, refused or failed by code). The guard finds
// the route the request came in on in the topology and enforces what the
// topology declares for it: a public route needs nothing; any other needs an
// API key of a listed role (admin passes every check), within the key's rate
// limit. A request on a route the topology does not declare is refused.
// (Not an API Gateway authorizer: it would answer with its own error shape and
// cache revoked keys; design §3.)
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { functions, type FunctionName, type Route, type RouteAuth } from '../../infra/topology.js';
import type { Caller } from '../domain/access.js';
import { authenticate } from './auth.js';
import { chooseCorrelationId, CORRELATION_HEADER, withCorrelationId } from './correlation.js';
import { header, httpErrors, HttpError, type HttpEvent, type HttpResult } from './http.js';
import { functionMetrics, METRIC, type MetricsSink } from './metrics.js';
import type { KeyStore } from './key-store.js';
import type { AuthFailureThrottle, RateLimiter } from './rate-limiter.js';

export interface GuardDeps {
  keys: KeyStore;
  limiter: RateLimiter;
  /** failed authentications per client address */
  authFailures: AuthFailureThrottle;
}

type GuardedContext = Context & { caller?: Caller };

const routeKey = (r: Route) => `${r.method} ${r.path}`;
const routesOf = (name: FunctionName): readonly Route[] => (functions[name] as { routes?: readonly Route[] }).routes ?? [];

/** The declared routes of a function, by API Gateway route key. */
export function declaredRoutes(name: FunctionName): Map<string, RouteAuth> {
  return new Map(routesOf(name).map((r) => [routeKey(r), r.auth]));
}

/** The guard itself: one middleware, driven by the topology. */
export function guard(name: FunctionName, deps: GuardDeps | null): middy.MiddlewareObj<HttpEvent, HttpResult, Error, GuardedContext> {
  const routes = declaredRoutes(name);
  return {
    before: async (request) => {
      const auth = routes.get(request.event.routeKey);
      if (auth === undefined) throw new HttpError(404, 'not_found', 'no such route');
      if (auth === 'public') return;
      if (!deps) throw new Error(`${name}: a guarded route needs the key store and the rate limiter`);
      const caller = await authenticate(request.event, deps, { basic: auth.basic ?? false });
      if (caller.role !== 'admin' && !auth.roles.includes(caller.role)) {
        throw new HttpError(403, 'forbidden', `this needs a key with role ${auth.roles.join(' or ')}`);
      }
      request.context.caller = caller;
    },
  };
}

function chain(name: FunctionName, logger: Logger, deps: GuardDeps | null) {
  // Answer (503, through httpErrors) half a second before Lambda would cut the request off with a bare 500.
  return middy<HttpEvent, HttpResult, Error, GuardedContext>({ timeoutEarlyInMillis: 500 })
    .use(injectLambdaContext(logger))
    .use(httpErrors(logger))
    .use(guard(name, deps));
}

/** The error code of a JSON error body, for the refused/failed metrics. */
function errorCodeOf(result: HttpResult): string {
  try {
    const code = (JSON.parse(result.body ?? '') as { error?: { code?: unknown } }).error?.code;
    if (typeof code === 'string' && /^[a-z0-9_]{1,64}$/.test(code)) return code;
  } catch {
    // not a JSON error body (a page): the status says enough
  }
  return `http_${result.statusCode ?? 0}`;
}

export interface Observability {
  logger: Logger;
  /** defaults to the function's own Powertools Metrics */
  metrics?: MetricsSink;
}

type Handler = (event: HttpEvent, context: Context) => Promise<HttpResult>;

/**
 * The correlation id and the request's metric around the chain. Outside the
 * chain, so that every answer (a refusal the guard threw, a 500) carries the
 * header and is counted.
 */
function observed(name: FunctionName, o: Observability, inner: Handler): Handler {
  const metrics = o.metrics ?? functionMetrics(name);
  return async (event, context) => {
    const id = chooseCorrelationId(header(event, CORRELATION_HEADER), event.requestContext?.requestId || context.awsRequestId);
    o.logger.setCorrelationId(id);
    const result = await withCorrelationId(id, () => inner(event, context));
    const status = result.statusCode ?? 200;
    if (status < 400) metrics.count(METRIC.accepted, 1, { route: event.routeKey });
    else metrics.count(status < 500 ? METRIC.refused : METRIC.failed, 1, { code: errorCodeOf(result) });
    metrics.flush();
    return { ...result, headers: { ...result.headers, [CORRELATION_HEADER]: id } };
  };
}

/** An HTTP function whose routes all need a key: the handler gets the caller the guard found. */
export function guardedHttpFunction(
  name: FunctionName,
  deps: GuardDeps & Observability,
  handle: (event: HttpEvent, caller: Caller, context: Context) => Promise<HttpResult>,
): Handler {
  if (routesOf(name).some((r) => r.auth === 'public')) throw new Error(`${name} declares a public route: use publicHttpFunction`);
  const inner = chain(name, deps.logger, deps).handler(async (event, context) => {
    if (!context.caller) throw new Error('the guard let a request through without a caller');
    return handle(event, context.caller, context);
  });
  return observed(name, deps, inner);
}

/** An HTTP function whose routes are all public. */
export function publicHttpFunction(
  name: FunctionName,
  deps: Observability,
  handle: (event: HttpEvent, context: Context) => Promise<HttpResult>,
): Handler {
  if (routesOf(name).some((r) => r.auth !== 'public')) throw new Error(`${name} declares a guarded route: use guardedHttpFunction`);
  return observed(
    name,
    deps,
    chain(name, deps.logger, null).handler((event, context) => handle(event, context)),
  );
}
