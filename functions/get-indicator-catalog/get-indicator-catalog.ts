// GET /v1/indicator-catalog — public: every version of the operational-indicator catalog.
import type { Logger } from '@aws-lambda-powertools/logger';
import { publicHttpFunction } from '../../shared/adapters/http-function.js';
import { json } from '../../shared/adapters/http.js';
import type { IndicatorCatalogs } from '../../shared/adapters/indicator-catalog-store.js';
import { indicatorCatalogDocument } from '../../shared/use-cases/indicator-catalog.js';

export function makeGetIndicatorCatalog(deps: { logger: Logger; indicatorCatalogs: IndicatorCatalogs; today: () => string }) {
  return publicHttpFunction('getIndicatorCatalog', deps, async () =>
    json(200, await indicatorCatalogDocument(deps), { 'cache-control': 'public, max-age=300' }),
  );
}
