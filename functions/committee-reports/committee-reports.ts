// GET /committee and /committee/{proxy+} — the steering committee's private
// reports, read from the committee bucket (the guard lets only committee and
// admin keys through, as Bearer, or as the password of HTTP Basic so a browser
// can ask for it). Browsable like the public reports: /committee/ is the list
// of every period, a period without its trailing slash is redirected to it,
// and a browser (Accept: text/html) gets a short Dutch page where an API
// client gets the JSON error.
import type { Logger } from '@aws-lambda-powertools/logger';
import type { Context } from 'aws-lambda';
import { guardedHttpFunction, type GuardDeps } from '../../shared/adapters/http-function.js';
import { header, HttpError, type HttpEvent, type HttpResult } from '../../shared/adapters/http.js';
import type { ObjectStore } from '../../shared/adapters/object-store.js';
import { reportPageHeaders } from '../../shared/adapters/page-headers.js';
import { committeeNotFoundPage, committeeSignInPage } from '../../shared/domain/report/committee-pages.js';
import { readReportFile, reportObjectKey } from '../../shared/use-cases/report-files.js';

export type CommitteeReportsDeps = GuardDeps & { objects: ObjectStore; bucket: string; logger: Logger };

const PRIVATE = 'private, no-store';

// A browser asks for a page; curl and API clients accept anything or application/json.
const wantsHtml = (event: HttpEvent): boolean => /\btext\/html\b/i.test(header(event, 'accept') ?? '');

const redirect = (location: string): HttpResult => ({
  statusCode: 301,
  // Relative, so it holds behind any stage or domain.
  headers: { ...reportPageHeaders('text/plain; charset=utf-8', PRIVATE), location },
  body: '',
});

const htmlPage = (statusCode: number, body: string, headers: Record<string, string | number | boolean> = {}): HttpResult => ({
  statusCode,
  headers: { ...headers, ...reportPageHeaders('text/html; charset=utf-8', PRIVATE) },
  body,
});

export function makeCommitteeReports(deps: CommitteeReportsDeps) {
  const guarded = guardedHttpFunction('committeeReports', deps, async (event) => {
    const path = event.pathParameters?.proxy ?? '';
    // GET /committee (API Gateway sends /committee/ to the same route): the list lives at /committee/.
    if (event.routeKey === 'GET /committee' && !event.rawPath.endsWith('/')) return redirect('committee/');
    const object = await readReportFile(deps, 'committee', path);
    if (object) return { statusCode: 200, headers: reportPageHeaders(object.contentType, PRIVATE), body: object.body };
    // A folder named without its slash (a period): its page, one level down.
    const folder = path === '' || path.endsWith('/') ? null : reportObjectKey('committee', `${path}/`);
    if (folder && (await deps.objects.get(deps.bucket, folder))) return redirect(`${path.split('/').at(-1)}/`);
    throw new HttpError(404, 'not_found', 'no such report file');
  });
  // Browsers get pages instead of the JSON errors; the status and the challenge stay as the guard gave them.
  return async (event: HttpEvent, context: Context): Promise<HttpResult> => {
    const result = await guarded(event, context);
    if (!wantsHtml(event)) return result;
    if (result.statusCode === 401) return htmlPage(401, committeeSignInPage(), result.headers);
    if (result.statusCode === 404) return htmlPage(404, committeeNotFoundPage());
    return result;
  };
}
