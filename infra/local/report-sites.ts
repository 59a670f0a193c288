// Locally, the API also serves the public bucket's reports/ to everyone, as
// CloudFront does in AWS. (The committee's reports have their own function.)
import type { ObjectStore } from '../../shared/adapters/object-store.js';
import { readReportFile } from '../../shared/use-cases/report-files.js';
import type { StaticSite } from './http-server.js';

type SiteResponse = { status: number; headers: Record<string, string>; body: string };

export function publicReportsSite(options: { bucket: string; objects: ObjectStore }): StaticSite {
  return {
    async serve(_req, url): Promise<SiteResponse | null> {
      if (url.pathname !== '/reports' && !url.pathname.startsWith('/reports/')) return null;
      if (url.pathname === '/reports') return { status: 301, headers: { location: '/reports/' }, body: '' };
      const object = await readReportFile(options, 'reports', url.pathname.slice('/reports/'.length));
      if (!object) return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'Niet gevonden.\n' };
      return {
        status: 200,
        headers: {
          'content-type': object.contentType,
          'x-content-type-options': 'nosniff',
          'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:",
          'cache-control': 'max-age=60',
        },
        body: object.body,
      };
    },
  };
}
