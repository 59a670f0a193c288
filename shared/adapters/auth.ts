import type { Role } from '../domain/vocabulary.js';
import { header, HttpError, type HttpEvent } from './http.js';
import type { KeyStore, Principal } from './key-store.js';
import type { RateLimiter } from './rate-limiter.js';

const UNAUTHORIZED = { 'www-authenticate': 'Bearer' };

export async function authenticate(event: HttpEvent, keys: KeyStore, limiter?: RateLimiter): Promise<Principal> {
  const auth = header(event, 'authorization');
  const m = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  if (!m?.[1]) throw new HttpError(401, 'unauthorized', 'send your API key as "Authorization: Bearer <key>"', [], UNAUTHORIZED);
  const principal = await keys.lookup(m[1]);
  if (!principal) throw new HttpError(401, 'unauthorized', 'unknown API key', [], UNAUTHORIZED);
  const decision = limiter ? await limiter.check(principal.keyId) : { ok: true as const };
  if (!decision.ok) {
    throw new HttpError(429, 'rate_limited', `too many requests for this key; try again in ${decision.retryAfterSeconds} s`, [], { 'retry-after': String(decision.retryAfterSeconds) });
  }
  return principal;
}

/** Admin may do everything; others only what their role allows. */
export function requireRole(p: Principal, ...roles: Role[]): void {
  if (p.role === 'admin' || roles.includes(p.role)) return;
  throw new HttpError(403, 'forbidden', `this needs a key with role ${roles.join(' or ')}`);
}

export const canReadEverything = (p: Principal) => p.role === 'admin' || p.role === 'steering-committee';
