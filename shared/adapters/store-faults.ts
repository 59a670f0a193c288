// Faults of a store rather than of a request (design §3): a store that cannot
// be reached, answers too slowly or throttles is `503` with Retry-After; two
// writes of the same item at once is a lost race, `409`. Everything else stays
// an unexpected error. Recognised by what the AWS SDK and Node put on the error.

export type StoreFault =
  | { kind: 'unavailable'; reason: 'unreachable' | 'timed out' | 'throttled' | 'failing'; retryAfterSeconds: number }
  | { kind: 'conflict'; retryAfterSeconds: number };

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_SOCKET',
]);
const TIMEOUT_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError']);
const THROTTLING_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'SlowDown',
  'RequestThrottled',
  'RequestThrottledException',
]);
const FAILING_NAMES = new Set(['ServiceUnavailable', 'InternalServerError', 'InternalError', 'InternalFailure']);
const CONFLICT_CODES = new Set(['TransactionConflict']);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  $metadata?: { httpStatusCode?: number };
  CancellationReasons?: Array<{ Code?: string }>;
}

/** The store fault `err` is, or null when it is something else. */
export function storeFault(err: unknown, depth = 0): StoreFault | null {
  if (typeof err !== 'object' || err === null || depth > 3) return null;
  const e = err as ErrorLike;
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.code === 'string' ? e.code : '';
  if (name === 'TransactionConflictException' || (e.CancellationReasons ?? []).some((r) => CONFLICT_CODES.has(r.Code ?? ''))) {
    if ((e.CancellationReasons ?? []).some((r) => r.Code === 'ThrottlingError' || r.Code === 'ProvisionedThroughputExceeded'))
      return { kind: 'unavailable', reason: 'throttled', retryAfterSeconds: 2 };
    return { kind: 'conflict', retryAfterSeconds: 1 };
  }
  if (THROTTLING_NAMES.has(name) || THROTTLING_NAMES.has(code)) return { kind: 'unavailable', reason: 'throttled', retryAfterSeconds: 2 };
  if (TIMEOUT_NAMES.has(name) || code === 'ETIMEDOUT' || code === 'ESOCKETTIMEDOUT')
    return { kind: 'unavailable', reason: 'timed out', retryAfterSeconds: 2 };
  if (NETWORK_CODES.has(code)) return { kind: 'unavailable', reason: 'unreachable', retryAfterSeconds: 2 };
  if (FAILING_NAMES.has(name) || (e.$metadata?.httpStatusCode ?? 0) >= 500)
    return { kind: 'unavailable', reason: 'failing', retryAfterSeconds: 2 };
  // Node and the SDK sometimes wrap the network error; AggregateError holds one per address tried.
  const inner = [e.cause, ...((err as { errors?: unknown[] }).errors ?? [])];
  for (const i of inner) {
    const f = storeFault(i, depth + 1);
    if (f) return f;
  }
  return null;
}

/** A short, plain description of why a store failed, for /health and the local logs (no address, no stack). */
export function describeStoreError(err: unknown): string {
  const fault = storeFault(err);
  const e = (typeof err === 'object' && err !== null ? err : {}) as ErrorLike;
  const code = typeof e.code === 'string' && e.code !== '' ? e.code : typeof e.name === 'string' ? e.name : 'Error';
  if (fault?.kind === 'unavailable') return `${fault.reason} (${code})`;
  if (fault?.kind === 'conflict') return `conflict (${code})`;
  return `error (${code})`;
}
