// Locally, the API also serves the public bucket's reports/ to everyone and the
// committee bucket's committee/ to committee and admin keys only (as Bearer,
// or as the password of HTTP Basic so a browser can ask for it).
import type { IncomingMessage } from 'node:http';
import { canReadEverything } from '../../shared/adapters/auth.js';
import type { KeyStore } from '../../shared/adapters/key-store.js';
import type { ObjectStore } from '../../shared/adapters/object-store.js';
import type { StaticSite } from './http-server.js';

type SiteResponse = { status: number; headers: Record<string, string>; body: string };

const SAFE_PATH = /^[A-Za-z0-9._\-/]*$/;

function objectKey(prefix: string, pathname: string): string | null {
  const rest = pathname.slice(prefix.length + 1);
  if (!SAFE_PATH.test(rest) || rest.split('/').some((seg) => seg === '..' || seg === '.')) return null;
  return `${prefix.slice(1)}/${rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest}`;
}

function keyFromRequest(req: IncomingMessage): string | null {
  const auth = req.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(auth);
  if (bearer?.[1]) return bearer[1];
  const basic = /^Basic\s+(\S+)$/i.exec(auth);
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1) || null;
  }
  return null;
}

export function bucketSite(options: { prefix: '/reports' | '/committee'; bucket: string; objects: ObjectStore; keys?: KeyStore }): StaticSite {
  return {
    async serve(req, url): Promise<SiteResponse | null> {
      if (url.pathname !== options.prefix && !url.pathname.startsWith(`${options.prefix}/`)) return null;
      if (url.pathname === options.prefix) return { status: 301, headers: { location: `${options.prefix}/` }, body: '' };
      if (options.keys) {
        const key = keyFromRequest(req);
        const principal = key ? await options.keys.lookup(key) : null;
        if (!principal || !canReadEverything(principal)) {
          return {
            status: principal ? 403 : 401,
            headers: { 'content-type': 'text/plain; charset=utf-8', ...(principal ? {} : { 'www-authenticate': 'Basic realm="dds-monitor Stuurorgaan", charset="UTF-8"' }) },
            body: principal ? 'Alleen voor het Stuurorgaan.\n' : 'Meld je aan met een sleutel van het Stuurorgaan (als wachtwoord).\n',
          };
        }
      }
      const key = objectKey(options.prefix, url.pathname);
      const object = key ? await options.objects.get(options.bucket, key) : null;
      if (!object) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Niet gevonden.\n' };
      return {
        status: 200,
        headers: {
          'content-type': object.contentType,
          'x-content-type-options': 'nosniff',
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:",
          'cache-control': options.keys ? 'private, no-store' : 'max-age=60',
        },
        body: object.body,
      };
    },
  };
}
