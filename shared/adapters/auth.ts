// Reading the API key from a request and checking it: who is calling, within
// the key's rate limit, and not from a client that keeps presenting unknown
// keys. The role check is the guard's (http-function.ts).
import { header, HttpError, type HttpEvent } from './http.js';
import type { KeyStore, Principal } from './key-store.js';
import type { AuthFailureThrottle, RateLimiter } from './rate-limiter.js';

const BEARER_CHALLENGE = { 'www-authenticate': 'Bearer' };
/** For pages a person opens in a browser: it then asks for the key as a password. */
export const BASIC_CHALLENGE = { 'www-authenticate': 'Basic realm="dds-monitor Stuurorgaan", charset="UTF-8"' };

/** The API key from `Bearer <key>` or, when `basic` is allowed, the password of HTTP Basic. */
function presentedKey(event: HttpEvent, basic: boolean): string | null {
  const auth = header(event, 'authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(auth);
  if (bearer?.[1]) return bearer[1];
  const b = basic ? /^Basic\s+(\S+)\s*$/i.exec(auth) : null;
  if (b?.[1]) {
    const decoded = Buffer.from(b[1], 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1) || null;
  }
  return null;
}

const tooManyFailures = (retryAfterSeconds: number) =>
  new HttpError(
    429,
    'too_many_failed_authentications',
    `too many unknown API keys from this address; try again in ${retryAfterSeconds} s`,
    [],
    {
      'retry-after': String(retryAfterSeconds),
    },
  );

/** The caller's address as API Gateway (and the local server) saw it. */
export const clientOf = (event: HttpEvent): string => event.requestContext?.http?.sourceIp || 'unknown';

export async function authenticate(
  event: HttpEvent,
  deps: { keys: KeyStore; limiter: RateLimiter; authFailures: AuthFailureThrottle },
  options: { basic?: boolean } = {},
): Promise<Principal> {
  const challenge = options.basic ? BASIC_CHALLENGE : BEARER_CHALLENGE;
  const key = presentedKey(event, options.basic ?? false);
  // No key costs no store request: a browser asks for the password this way.
  if (!key)
    throw new HttpError(
      401,
      'unauthorized',
      options.basic
        ? 'send your API key as "Authorization: Bearer <key>", or as the password of HTTP Basic (any user name)'
        : 'send your API key as "Authorization: Bearer <key>"',
      [],
      challenge,
    );
  const client = clientOf(event);
  const blocked = deps.authFailures.blocked(client);
  if (!blocked.ok) throw tooManyFailures(blocked.retryAfterSeconds);
  const principal = await deps.keys.lookup(key);
  if (!principal) {
    const counted = await deps.authFailures.failed(client);
    if (!counted.ok) throw tooManyFailures(counted.retryAfterSeconds);
    throw new HttpError(401, 'unauthorized', 'unknown API key', [], challenge);
  }
  const decision = await deps.limiter.check(principal.keyId);
  if (!decision.ok) {
    throw new HttpError(429, 'rate_limited', `too many requests for this key; try again in ${decision.retryAfterSeconds} s`, [], {
      'retry-after': String(decision.retryAfterSeconds),
    });
  }
  return principal;
}
