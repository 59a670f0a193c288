// Locally, the API also serves the public bucket's reports/ to everyone, as
// CloudFront does in AWS, with the same security headers (shared/adapters/page-headers.ts).
// (The committee's reports have their own function.)
import type { ObjectStore } from '../../shared/adapters/object-store.js';
import { reportPageHeaders } from '../../shared/adapters/page-headers.js';
import { readReportFile } from '../../shared/use-cases/report-files.js';
import type { StaticSite } from './http-server.js';

type SiteResponse = { status: number; headers: Record<string, string>; body: string };

export function publicReportsSite(options: { bucket: string; objects: ObjectStore }): StaticSite {
  return {
    async serve(_req, url): Promise<SiteResponse | null> {
      if (url.pathname !== '/reports' && !url.pathname.startsWith('/reports/')) return null;
      if (url.pathname === '/reports') return { status: 301, headers: { location: '/reports/' }, body: '' };
      const object = await readReportFile(options, 'reports', url.pathname.slice('/reports/'.length));
      if (!object) return { status: 404, headers: reportPageHeaders('text/plain; charset=utf-8', 'max-age=60'), body: 'Niet gevonden.\n' };
      return { status: 200, headers: reportPageHeaders(object.contentType, 'max-age=60'), body: object.body };
    },
  };
}
