// Locally, the API serves /docs/ (the rendered OpenAPI document) from the
// installed renderer, with the docs' own security headers, as CloudFront does
// in AWS (infra/stacks/stateful-stack.ts).
import { DOCS_CONTENT_SECURITY_POLICY, docsSite } from '../docs/docs-site.js';
import type { StaticSite } from './http-server.js';

export function docsStaticSite(codeVersion: string): StaticSite {
  const files = docsSite(codeVersion);
  const headers = (contentType: string) => ({
    'content-type': contentType,
    'cache-control': 'max-age=60',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'content-security-policy': DOCS_CONTENT_SECURITY_POLICY,
    'referrer-policy': 'no-referrer',
  });
  return {
    async serve(_req, url) {
      if (url.pathname === '/docs') return { status: 301, headers: { location: '/docs/' }, body: '' };
      if (!url.pathname.startsWith('/docs/')) return null;
      const name = url.pathname.slice('/docs/'.length) || 'index.html';
      const file = files.get(name);
      if (!file) return { status: 404, headers: headers('text/plain; charset=utf-8'), body: 'Not found.\n' };
      return { status: 200, headers: headers(file.contentType), body: file.body };
    },
  };
}
