// POST /v1/feedback/{organisationId}/{serviceId}: one response from the public
// form, with no key (design §2.1). A form post (what the page sends) is
// answered with pages: 303 to the thank-you page, or the form again with its
// problems; JSON is answered with JSON (201). Both: at most 16 KiB, only
// known services (404), within the client's limit per service (429 with
// Retry-After). A filled-in honeypot is dropped without a word. A browser
// may post from another origin only when that origin is registered for the
// service (CORS, answered here to the preflight too).
import type { Logger } from '@aws-lambda-powertools/logger';
import { messagePage, formPage } from '../../shared/domain/feedback/form-page.js';
import {
  checkFormResponse,
  checkJsonResponse,
  MAX_RESPONSE_BODY_BYTES,
  type FeedbackResponse,
} from '../../shared/domain/feedback/submissions.js';
import type { FeedbackOrigins } from '../../shared/adapters/feedback-origins.js';
import { feedbackUrls, htmlResult } from '../../shared/adapters/html-page.js';
import { publicHttpFunction } from '../../shared/adapters/http-function.js';
import { errorResult, header, HttpError, json, readJsonBody, type HttpEvent, type HttpResult } from '../../shared/adapters/http.js';
import type { ServiceDirectory } from '../../shared/adapters/service-directory.js';
import { giveFeedback, type GiveFeedbackDeps } from '../../shared/use-cases/give-feedback.js';
import { knownService, type KnownService } from '../../shared/use-cases/known-service.js';

export type GiveFeedbackHttpDeps = GiveFeedbackDeps & {
  services: ServiceDirectory;
  origins: FeedbackOrigins;
  perHour: number;
  retentionDays: number;
  logger: Logger;
};

const FORM = /^application\/x-www-form-urlencoded\s*(?:;|$)/i;

/** The body's bytes, or why it cannot be read: another encoding or charset (415), too large (413). */
function bodyBytes(event: HttpEvent): Buffer | 'unsupported' | 'too_large' {
  const encoding = header(event, 'content-encoding');
  if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') return 'unsupported';
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(header(event, 'content-type') ?? '')?.[1];
  if (charset !== undefined && !/^utf-?8$/i.test(charset)) return 'unsupported';
  const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  return bytes.length > MAX_RESPONSE_BODY_BYTES ? 'too_large' : bytes;
}

/** The origin a browser posts from, when it is another site's: null for our own pages and for clients that send none. */
function foreignOrigin(event: HttpEvent): string | null {
  const origin = header(event, 'origin');
  if (origin === undefined || origin === 'null') return null;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return origin;
  }
  return host === (header(event, 'host') ?? event.requestContext.domainName) ? null : origin;
}

const corsHeaders = (origin: string): Record<string, string> => ({ 'access-control-allow-origin': origin, vary: 'Origin' });

export function makeGiveFeedback(deps: GiveFeedbackHttpDeps) {
  const allowed = async (origin: string, organisationId: string, serviceId: string) =>
    (await deps.origins.list(organisationId, serviceId)).includes(origin);

  function stored(service: KnownService, outcome: { responseId: string; masked: Record<string, number> }, via: 'form' | 'json') {
    deps.logger.info('feedback response stored', {
      organisationId: service.organisationId,
      serviceId: service.serviceId,
      responseId: outcome.responseId,
      via,
      masked: outcome.masked,
    });
  }

  async function formPost(event: HttpEvent, organisationId: string, serviceId: string): Promise<HttpResult> {
    const urls = feedbackUrls(organisationId, serviceId);
    const origin = foreignOrigin(event);
    if (origin !== null && !(await allowed(origin, organisationId, serviceId)))
      return htmlResult(403, messagePage('bad_request', { formUrl: urls.form }));
    const bytes = bodyBytes(event);
    if (bytes === 'unsupported') return htmlResult(415, messagePage('bad_request', { formUrl: urls.form }));
    if (bytes === 'too_large') return htmlResult(413, messagePage('too_large', { formUrl: urls.form }));
    const service = await knownService(deps, organisationId, serviceId);
    if (!service) return htmlResult(404, messagePage('not_found'));
    const checked = checkFormResponse(new URLSearchParams(bytes.toString('utf8')));
    if (checked.bot) {
      // Said nowhere but here: a bot sees the same thank-you page as a person.
      deps.logger.info('feedback response dropped: honeypot filled in', { organisationId, serviceId });
      return { statusCode: 303, headers: { location: urls.thanks, 'cache-control': 'no-store' }, body: '' };
    }
    if (!checked.ok)
      return htmlResult(
        422,
        formPage({
          serviceName: service.name,
          action: urls.post,
          retentionDays: deps.retentionDays,
          fields: checked.fields,
          problems: checked.problems,
        }),
      );
    const outcome = await giveFeedback(deps, service, event.requestContext.http.sourceIp, checked.value);
    if (outcome.kind === 'limited')
      return htmlResult(
        429,
        messagePage('too_many', { formUrl: urls.form, retryAfterSeconds: outcome.retryAfterSeconds, perHour: deps.perHour }),
        {
          'retry-after': String(outcome.retryAfterSeconds),
        },
      );
    stored(service, outcome, 'form');
    return { statusCode: 303, headers: { location: urls.thanks, 'cache-control': 'no-store' }, body: '' };
  }

  /** The JSON body; this route also takes a form post, so a body of another type is told about both. */
  function readFeedbackJson(event: HttpEvent): unknown {
    try {
      return readJsonBody(event);
    } catch (err) {
      if (err instanceof HttpError && err.code === 'unsupported_media_type')
        throw new HttpError(
          415,
          err.code,
          'send the response as a form post (application/x-www-form-urlencoded) or as JSON (application/json)',
          err.details,
        );
      throw err;
    }
  }

  async function jsonPost(event: HttpEvent, organisationId: string, serviceId: string): Promise<HttpResult> {
    const origin = foreignOrigin(event);
    if (origin !== null && !(await allowed(origin, organisationId, serviceId)))
      throw new HttpError(403, 'origin_not_allowed', 'this origin is not registered to post feedback for this service');
    const cors = origin === null ? {} : corsHeaders(origin);
    try {
      const bytes = bodyBytes(event);
      if (bytes === 'unsupported') throw new HttpError(415, 'unsupported_media_type', 'send the body as UTF-8 JSON, not encoded');
      if (bytes === 'too_large')
        throw new HttpError(413, 'payload_too_large', `the body is larger than ${MAX_RESPONSE_BODY_BYTES / 1024} KiB`);
      const body = readFeedbackJson(event);
      const service = await knownService(deps, organisationId, serviceId);
      if (!service) throw new HttpError(404, 'unknown_service', `no service ${serviceId} of ${organisationId} is known`);
      const checked = checkJsonResponse(body);
      if (!checked.ok)
        throw new HttpError(422, 'invalid_feedback', `the response has ${checked.problems.length} problem(s)`, checked.problems);
      const outcome = await giveFeedback(deps, service, event.requestContext.http.sourceIp, checked.value satisfies FeedbackResponse);
      if (outcome.kind === 'limited')
        throw new HttpError(
          429,
          'rate_limited',
          `too many responses for this service from this client; try again in ${outcome.retryAfterSeconds} s`,
          [],
          {
            'retry-after': String(outcome.retryAfterSeconds),
          },
        );
      stored(service, outcome, 'json');
      return json(201, { responseId: outcome.responseId }, cors);
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      // A registered origin may read why its post was refused.
      const result = errorResult(err);
      return { ...result, headers: { ...result.headers, ...cors } };
    }
  }

  async function preflight(event: HttpEvent, organisationId: string, serviceId: string): Promise<HttpResult> {
    const origin = foreignOrigin(event);
    const method = header(event, 'access-control-request-method');
    // Anything but a registered origin asking to POST gets no CORS headers: the browser then does not send the post.
    const granted = origin !== null && method === 'POST' && (await allowed(origin, organisationId, serviceId));
    return {
      statusCode: 204,
      headers: {
        allow: 'OPTIONS, POST',
        ...(granted
          ? {
              ...corsHeaders(origin),
              'access-control-allow-methods': 'POST',
              'access-control-allow-headers': 'content-type',
              'access-control-max-age': '600',
            }
          : { vary: 'Origin' }),
      },
      body: '',
    };
  }

  return publicHttpFunction('giveFeedback', deps, async (event) => {
    const organisationId = event.pathParameters?.organisationId ?? '';
    const serviceId = event.pathParameters?.serviceId ?? '';
    if (event.routeKey.startsWith('OPTIONS ')) return preflight(event, organisationId, serviceId);
    if (FORM.test(header(event, 'content-type') ?? '')) return formPost(event, organisationId, serviceId);
    return jsonPost(event, organisationId, serviceId);
  });
}
