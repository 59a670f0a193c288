import type { Role } from '../domain/vocabulary.js';
import { header, HttpError, type HttpEvent } from './http.js';
import type { KeyStore, Principal } from './key-store.js';

const UNAUTHORIZED = { 'www-authenticate': 'Bearer' };

export async function authenticate(event: HttpEvent, keys: KeyStore): Promise<Principal> {
  const auth = header(event, 'authorization');
  const m = auth ? /^Bearer\s+(\S+)\s*$/i.exec(auth) : null;
  if (!m?.[1]) throw new HttpError(401, 'unauthorized', 'send your API key as "Authorization: Bearer <key>"', [], UNAUTHORIZED);
  const principal = await keys.lookup(m[1]);
  if (!principal) throw new HttpError(401, 'unauthorized', 'unknown API key', [], UNAUTHORIZED);
  return principal;
}

/** Admin may do everything; others only what their role allows. */
export function requireRole(p: Principal, ...roles: Role[]): void {
  if (p.role === 'admin' || roles.includes(p.role)) return;
  throw new HttpError(403, 'forbidden', `this needs a key with role ${roles.join(' or ')}`);
}

export const canReadEverything = (p: Principal) => p.role === 'admin' || p.role === 'steering-committee';
