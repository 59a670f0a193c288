// The public, unauthenticated routes: the catalog, the OpenAPI document, and
// the health of the stores (503 with Retry-After when one fails, design §3).
import type { Logger } from '@aws-lambda-powertools/logger';
import { CATALOGS, PERSPECTIVE_NAMES, PRINCIPLE_NAMES } from '../../shared/domain/catalog.js';
import { publicHttpFunction } from '../../shared/adapters/http-function.js';
import { HttpError, json } from '../../shared/adapters/http.js';
import type { HealthCheck } from '../../shared/adapters/store-health.js';
import type { openApiDocument } from '../../shared/adapters/openapi.js';

export function criteriaDocument() {
  return {
    catalogs: Object.values(CATALOGS).map((c) => ({
      catalogVersion: c.version,
      principles: PRINCIPLE_NAMES,
      perspectives: PERSPECTIVE_NAMES,
      criteria: c.criteria.map(({ id, principle, perspective, text, details }) => ({ id, principle, perspective, text, details })),
    })),
  };
}

export function makePublicDocs(deps: { logger: Logger; codeVersion: string; health: HealthCheck }) {
  // Generated on the first request that asks for it, never at a cold start, and then kept. Its
  // module, and the schemas of every route's requests and answers that only it needs here, are
  // evaluated then too (a dynamic import, which esbuild keeps in the bundle but evaluates lazily):
  // the common requests (health, criteria) do not wait for them.
  let openApi: ReturnType<typeof openApiDocument> | undefined;
  return publicHttpFunction('publicDocs', deps, async (event) => {
    switch (event.routeKey) {
      case 'GET /v1/criteria':
        return json(200, criteriaDocument(), { 'cache-control': 'public, max-age=300' });
      case 'GET /v1/openapi.json':
        openApi ??= (await import('../../shared/adapters/openapi.js')).openApiDocument(deps.codeVersion);
        return json(200, openApi, { 'cache-control': 'public, max-age=300' });
      case 'GET /health': {
        const report = await deps.health();
        if (report.status === 'ok') return json(200, { ...report, codeVersion: deps.codeVersion });
        deps.logger.warn('degraded', { checks: report.checks });
        return json(503, { ...report, codeVersion: deps.codeVersion }, { 'retry-after': '5' });
      }
      default:
        throw new HttpError(404, 'not_found', 'no such route');
    }
  });
}
