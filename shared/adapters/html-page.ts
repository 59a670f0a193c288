// Answers with an HTML page of the feedback form: a strict Content-Security-
// Policy (nothing loads from anywhere; the one inline style is allowed by its
// hash; a form may post only to this origin), no framing, and a referrer
// policy that keeps the Origin header on the form's own post.
import { createHash } from 'node:crypto';
import { PAGE_STYLE } from '../domain/feedback/form-page.js';
import type { HttpResult } from './http.js';

const STYLE_HASH = createHash('sha256').update(PAGE_STYLE, 'utf8').digest('base64');

export const PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`;

export function htmlResult(status: number, html: string, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode: status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PAGE_CSP,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      // "same-origin", not "no-referrer": with no-referrer a browser sends `Origin: null` on the form's own post
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
      ...headers,
    },
    body: html,
  };
}

/** The public form's addresses, built from the same ids everywhere. */
export const feedbackUrls = (organisationId: string, serviceId: string) => {
  const path = `${encodeURIComponent(organisationId)}/${encodeURIComponent(serviceId)}`;
  return { form: `/feedback/${path}`, thanks: `/feedback/${path}/bedankt`, post: `/v1/feedback/${path}` };
};
