// /docs: the OpenAPI document rendered for people by Swagger UI, served from
// the installed package (swagger-ui-dist: one JS bundle and one stylesheet,
// no CDN), beside the document itself. The same files are served by the
// local server (infra/local/docs-site.ts) and, in AWS, deployed to the public
// bucket under docs/ and served by CloudFront (infra/stacks/stateful-stack.ts).
// Never imported by a function: the renderer stays out of every bundle.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { openApiDocument } from '../../shared/adapters/openapi.js';

export const DOCS_PREFIX = 'docs/';

/**
 * The docs' own policy: its scripts and styles from itself only (no inline
 * script, no eval), the document fetched from itself, images as data: URIs.
 */
export const DOCS_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export interface DocsFile {
  body: string;
  contentType: string;
}

const RENDERER_FILES = { 'swagger-ui-bundle.js': 'text/javascript; charset=utf-8', 'swagger-ui.css': 'text/css; charset=utf-8' } as const;

/** The folder of the installed renderer. */
export function rendererDir(): string {
  return dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
}

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dds-monitor API</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="swagger-ui.css">
</head>
<body>
<noscript><p>This page shows the API described by <a href="openapi.json">openapi.json</a>; it needs JavaScript. The document itself is plain JSON.</p></noscript>
<main id="api"></main>
<script src="swagger-ui-bundle.js"></script>
<script src="docs.js"></script>
</body>
</html>
`;

// A file of its own, not an inline script, so the policy needs no 'unsafe-inline'.
// Requests are not sent from the page ("try it out" off): in AWS the docs and the API have different addresses.
const INIT = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: 'openapi.json',
    dom_id: '#api',
    deepLinking: true,
    supportedSubmitMethods: [],
    defaultModelsExpandDepth: 0,
    validatorUrl: null,
  });
});
`;

/** Every file of /docs/, by name: the page, its start-up script, the renderer and the document. */
export function docsSite(codeVersion: string): Map<string, DocsFile> {
  const dir = rendererDir();
  const files = new Map<string, DocsFile>([
    ['index.html', { body: PAGE, contentType: 'text/html; charset=utf-8' }],
    ['docs.js', { body: INIT, contentType: 'text/javascript; charset=utf-8' }],
    [
      'openapi.json',
      { body: `${JSON.stringify(openApiDocument(codeVersion), null, 2)}\n`, contentType: 'application/json; charset=utf-8' },
    ],
  ]);
  for (const [name, contentType] of Object.entries(RENDERER_FILES))
    files.set(name, { body: readFileSync(join(dir, name), 'utf8'), contentType });
  return files;
}
