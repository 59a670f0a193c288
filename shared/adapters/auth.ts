// Reading the API key from a request and checking it: who is calling, within
// the key's rate limit. The role check is the guard's (http-function.ts).
import { header, HttpError, type HttpEvent } from './http.js';
import type { KeyStore, Principal } from './key-store.js';
import type { RateLimiter } from './rate-limiter.js';

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

export async function authenticate(
  event: HttpEvent,
  keys: KeyStore,
  limiter: RateLimiter,
  options: { basic?: boolean } = {},
): Promise<Principal> {
  const challenge = options.basic ? BASIC_CHALLENGE : BEARER_CHALLENGE;
  const key = presentedKey(event, options.basic ?? false);
  if (!key) throw new HttpError(401, 'unauthorized', 'send your API key as "Authorization: Bearer <key>"', [], challenge);
  const principal = await keys.lookup(key);
  if (!principal) throw new HttpError(401, 'unauthorized', 'unknown API key', [], challenge);
  const decision = await limiter.check(principal.keyId);
  if (!decision.ok) {
    throw new HttpError(429, 'rate_limited', `too many requests for this key; try again in ${decision.retryAfterSeconds} s`, [], {
      'retry-after': String(decision.retryAfterSeconds),
    });
  }
  return principal;
}
