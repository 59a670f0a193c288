// GET /committee/{proxy+} — the steering committee's private reports, read from
// the committee bucket (the guard lets only committee and admin keys through,
// as Bearer, or as the password of HTTP Basic so a browser can ask for it).
import type { Logger } from '@aws-lambda-powertools/logger';
import { guardedHttpFunction, type GuardDeps } from '../../shared/adapters/http-function.js';
import { HttpError } from '../../shared/adapters/http.js';
import type { ObjectStore } from '../../shared/adapters/object-store.js';
import { reportPageHeaders } from '../../shared/adapters/page-headers.js';
import { readReportFile } from '../../shared/use-cases/report-files.js';

export type CommitteeReportsDeps = GuardDeps & { objects: ObjectStore; bucket: string; logger: Logger };

export function makeCommitteeReports(deps: CommitteeReportsDeps) {
  return guardedHttpFunction('committeeReports', deps, async (event) => {
    const object = await readReportFile(deps, 'committee', event.pathParameters?.proxy ?? '');
    if (!object) throw new HttpError(404, 'not_found', 'no such report file');
    // The same strict headers as the public reports; never cached on the way.
    return { statusCode: 200, headers: reportPageHeaders(object.contentType, 'private, no-store'), body: object.body };
  });
}
