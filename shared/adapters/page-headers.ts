// The headers of every report page and file, in one place: the local server
// (infra/local/report-sites.ts), the committee function, and CloudFront's
// response-headers policy in AWS (infra/stacks/stateful-stack.ts) all send
// these, so a page is as strict on the way to a citizen as on this machine.

/**
 * Reports are static: inline SVG and styles, no script, no form, no frame.
 * `frame-ancestors 'none'`: no other site may show a report in a frame.
 */
export const REPORT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** A report's address (a period, a committee path) is nobody else's business. */
export const REPORT_REFERRER_POLICY = 'no-referrer';

export function reportPageHeaders(contentType: string, cacheControl: string): Record<string, string> {
  return {
    'content-type': contentType,
    'cache-control': cacheControl,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'content-security-policy': REPORT_CONTENT_SECURITY_POLICY,
    'referrer-policy': REPORT_REFERRER_POLICY,
  };
}
