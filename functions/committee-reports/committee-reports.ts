// GET /committee/{proxy+} — the steering committee's private reports, read from
// the committee bucket for committee and admin keys only (as Bearer, or as the
// password of HTTP Basic so a browser can ask for it).
import type { Logger } from '@aws-lambda-powertools/logger';
import { authenticate, canReadEverything } from '../../shared/adapters/auth.js';
import { httpHandler, HttpError } from '../../shared/adapters/http.js';
import type { KeyStore } from '../../shared/adapters/key-store.js';
import type { ObjectStore } from '../../shared/adapters/object-store.js';
import type { RateLimiter } from '../../shared/adapters/rate-limiter.js';

export interface CommitteeReportsDeps {
  keys: KeyStore;
  limiter: RateLimiter;
  objects: ObjectStore;
  bucket: string;
  logger: Logger;
}

const SAFE_PATH = /^[A-Za-z0-9._\-/]*$/;

/** committee/<path>, with index.html for a folder; null for anything that is not a plain relative path. */
export function committeeObjectKey(path: string): string | null {
  if (!SAFE_PATH.test(path) || path.split('/').some((seg) => seg === '..' || seg === '.')) return null;
  return `committee/${path === '' || path.endsWith('/') ? `${path}index.html` : path}`;
}

export function makeCommitteeReports(deps: CommitteeReportsDeps) {
  return httpHandler(deps.logger, async (event) => {
    const principal = await authenticate(event, deps.keys, deps.limiter, { basic: true });
    if (!canReadEverything(principal)) throw new HttpError(403, 'forbidden', 'only the steering committee reads these reports');
    const key = committeeObjectKey(event.pathParameters?.proxy ?? '');
    const object = key ? await deps.objects.get(deps.bucket, key) : null;
    if (!object) throw new HttpError(404, 'not_found', 'no such report file');
    return {
      statusCode: 200,
      headers: {
        'content-type': object.contentType,
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:",
      },
      body: object.body,
    };
  });
}
