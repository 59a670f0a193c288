// HTTP edge for API Gateway (HTTP API, payload 2.0) and the local server, which
// builds the same events: reading JSON strictly, and mapping every failure to
// the contract's error body without ever leaking a stack trace.
import { parse as parseJsonAst, type ValueNode } from '@humanwhocodes/momoa';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type middy from '@middy/core';
import { jsonTextShape, MAX_NESTING_DEPTH, parsedObjectKeys } from '../domain/body-limits.js';
import { capProblems, type Problem } from '../domain/problems.js';
import { Refusal, type RefusalKind } from '../use-cases/refusal.js';
import { storeFault } from './store-faults.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResult = APIGatewayProxyStructuredResultV2;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Problem[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const SECURITY_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return { statusCode: status, headers: { ...SECURITY_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/** The contract's error body; at most 100 problems are listed, `moreProblems` counts the rest (design §3). */
export function errorResult(e: HttpError): HttpResult {
  return json(e.status, { error: { code: e.code, message: e.message, ...capProblems(e.details) } }, e.headers);
}

export function header(event: HttpEvent, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(event.headers ?? {})) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function duplicateKeys(node: ValueNode, path: string, out: Problem[]): void {
  if (node.type === 'Object') {
    const seen = new Set<string>();
    for (const m of node.members) {
      const name = m.name.type === 'String' ? m.name.value : m.name.name;
      const childPath = path === '' ? name : `${path}.${name}`;
      if (seen.has(name)) out.push({ path: childPath, message: 'duplicate key' });
      seen.add(name);
      duplicateKeys(m.value, childPath, out);
    }
  } else if (node.type === 'Array') {
    node.elements.forEach((e, i) => duplicateKeys(e.value, `${path}[${i}]`, out));
  }
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/** 415 unless the body is JSON in UTF-8, sent as it is (design §3). */
function checkMediaType(event: HttpEvent): void {
  const [type = '', ...params] = (header(event, 'content-type') ?? '').split(';').map((p) => p.trim());
  if (!JSON_TYPE.test(type)) throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
  for (const p of params) {
    const [name, value = ''] = p.split('=').map((x) => x.trim());
    if (name?.toLowerCase() === 'charset' && !/^"?utf-?8"?$/i.test(value)) {
      throw new HttpError(415, 'unsupported_charset', `send the body in UTF-8, not ${value || 'an empty charset'}`, [
        { path: 'Content-Type', message: `charset ${value} is not UTF-8` },
      ]);
    }
  }
  const encoding = (header(event, 'content-encoding') ?? '').trim();
  if (encoding !== '' && encoding.toLowerCase() !== 'identity') {
    throw new HttpError(415, 'unsupported_content_encoding', 'send the body uncompressed (no Content-Encoding, or identity)', [
      { path: 'Content-Encoding', message: `${encoding} is not accepted` },
    ]);
  }
}

/** The body as text; a body that arrives as bytes (base64) must be well-formed UTF-8. */
function bodyText(event: HttpEvent): string {
  const raw = event.body ?? '';
  if (!event.isBase64Encoded) return raw;
  const bytes = Buffer.from(raw, 'base64');
  if (bytes.length > MAX_BODY_BYTES) throw new HttpError(413, 'payload_too_large', 'the body is larger than 1 MiB');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new HttpError(400, 'invalid_utf8', 'the body is not valid UTF-8', [{ path: '(body)', message: 'invalid UTF-8 byte sequence' }]);
  }
}

/**
 * The request body as JSON: 415 if not JSON in UTF-8 or compressed, 413 if
 * over 1 MiB, 400 if not valid UTF-8, nested deeper than 32 levels, malformed,
 * or with duplicate keys.
 */
export function readJsonBody(event: HttpEvent): unknown {
  checkMediaType(event);
  const text = bodyText(event);
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) {
    throw new HttpError(413, 'payload_too_large', 'the body is larger than 1 MiB');
  }
  // The parsers and the key count below recurse: a body nested thousands deep must be refused before them.
  const shape = jsonTextShape(text, MAX_NESTING_DEPTH);
  if (shape.depth > MAX_NESTING_DEPTH) {
    throw new HttpError(400, 'too_deeply_nested', `the body nests arrays and objects more than ${MAX_NESTING_DEPTH} levels deep`, [
      { path: '(body)', message: `more than ${MAX_NESTING_DEPTH} levels of nesting` },
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw refusedJson(text, err);
  }
  // JSON.parse keeps one of each repeated key: more members written than kept means a key is repeated.
  // Only then is the text parsed again, into momoa's tree, to name each repetition by its path.
  if (shape.members > parsedObjectKeys(value)) throw repeatedKeys(text);
  return value;
}

/** The refusal of a text that JSON.parse took but that repeats a key, each repetition named by its path. */
function repeatedKeys(text: string): HttpError {
  try {
    const named = duplicateKeysRefusal(parseJsonAst(text, { mode: 'json' }).body);
    if (named) return named;
  } catch {
    // Not seen (fuzzed): a text JSON.parse takes and momoa refuses. Still a 400, without the paths.
  }
  return new HttpError(400, 'duplicate_keys', 'the body repeats a key', [{ path: '(body)', message: 'duplicate key' }]);
}

function duplicateKeysRefusal(tree: ValueNode): HttpError | undefined {
  const dups: Problem[] = [];
  duplicateKeys(tree, '', dups);
  return dups.length > 0 ? new HttpError(400, 'duplicate_keys', 'the body repeats a key', dups) : undefined;
}

const malformedJson = (message: string) =>
  new HttpError(400, 'malformed_json', 'the body is not valid JSON', [{ path: '(body)', message }]);

/**
 * Why JSON.parse refused the text: in momoa's words (with line and column), as when momoa parsed first;
 * for the one kind of text momoa takes (control characters inside strings), in JSON.parse's.
 */
function refusedJson(text: string, parseError: unknown): HttpError {
  let tree: ValueNode;
  try {
    tree = parseJsonAst(text, { mode: 'json' }).body;
  } catch (err) {
    return malformedJson(err instanceof Error ? err.message : 'malformed JSON');
  }
  // momoa takes control characters inside strings, which JSON.parse refuses: such a body that repeats a
  // key is refused as duplicate_keys, as before; one that does not is malformed_json (it was a 500: design §3).
  return duplicateKeysRefusal(tree) ?? malformedJson(parseError instanceof Error ? parseError.message : 'malformed JSON');
}

interface ErrorLogger {
  error(message: string, ...extra: unknown[]): void;
  warn(message: string, ...extra: unknown[]): void;
}

const REFUSAL_STATUS: Record<RefusalKind, number> = {
  malformed: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  invalid: 422,
};

/** A use case's refusal as the HTTP answer the contract gives it. */
export function fromRefusal(r: Refusal): HttpError {
  const headers: Record<string, string> = r.retryAfterSeconds === undefined ? {} : { 'retry-after': String(r.retryAfterSeconds) };
  return new HttpError(REFUSAL_STATUS[r.kind], r.code, r.message, r.details, headers);
}

/** A store that is down, slow or throttling is 503, a lost race 409, both with Retry-After; null for anything else. */
export function fromStoreFault(err: unknown): HttpError | null {
  const fault = storeFault(err);
  if (!fault) return null;
  const retryAfter = { 'retry-after': String(fault.retryAfterSeconds) };
  if (fault.kind === 'conflict') {
    return new HttpError(
      409,
      'conflict',
      `another request changed the same data at the same time; try again in ${fault.retryAfterSeconds} s`,
      [],
      retryAfter,
    );
  }
  return new HttpError(
    503,
    'service_unavailable',
    `a data store is ${fault.reason === 'throttled' ? 'busy' : 'not answering in time'}; try again in ${fault.retryAfterSeconds} s`,
    [],
    retryAfter,
  );
}

/** middy's own timeout (`timeoutEarlyInMillis`): a TimeoutError caused by @middy/core, not by the SDK. */
const ranOutOfTime = (e: unknown): boolean =>
  e instanceof Error && e.name === 'TimeoutError' && (e.cause as { package?: unknown } | undefined)?.package === '@middy/core';

/** Maps thrown HttpErrors, refusals and store faults to their response; anything else is a 500 with no detail. */
export function httpErrors(logger: ErrorLogger): middy.MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: async (request) => {
      const e = request.error;
      if (e instanceof HttpError || e instanceof Refusal) {
        request.response = errorResult(e instanceof Refusal ? fromRefusal(e) : e);
        return;
      }
      if (ranOutOfTime(e)) {
        // The function's own time ran out (middy answers half a second before Lambda would end it): not the
        // store's fault, ours, so it is an error an operator is alerted to, not a store warning.
        logger.error('ran out of time', e as Error);
        request.response = errorResult(
          new HttpError(503, 'service_unavailable', 'this request took longer than we allow; try again later', [], { 'retry-after': '30' }),
        );
        return;
      }
      const fault = fromStoreFault(e);
      if (fault) {
        logger.warn(fault.status === 409 ? 'lost a race' : 'store unavailable', e as Error);
        request.response = errorResult(fault);
        return;
      }
      logger.error('unhandled error', e as Error);
      request.response = errorResult(new HttpError(500, 'internal_error', 'something went wrong on our side; try again later'));
    },
  };
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The optional Idempotency-Key header, checked: 1–255 visible ASCII characters. */
export function idempotencyKeyOf(event: HttpEvent): string | undefined {
  const key = header(event, 'idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new HttpError(400, 'bad_idempotency_key', 'Idempotency-Key must be 1–255 visible ASCII characters', [
      { path: 'Idempotency-Key', message: 'not 1–255 visible ASCII characters' },
    ]);
  }
  return key;
}
