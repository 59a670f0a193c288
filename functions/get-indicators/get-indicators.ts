// GET /v1/indicators?period=… — the committee's overview, read from the projections.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Logger } from '@aws-lambda-powertools/logger';
import middy from '@middy/core';
import { z } from 'zod';
import { periodSchema } from '../../shared/domain/periods.js';
import { zodProblems } from '../../shared/domain/problems.js';
import { buildPublicReport } from '../../shared/domain/report/report-model.js';
import { authenticate, requireRole } from '../../shared/adapters/auth.js';
import { httpErrors, HttpError, json, type HttpEvent, type HttpResult } from '../../shared/adapters/http.js';
import type { KeyStore } from '../../shared/adapters/key-store.js';
import type { ProjectionStore } from '../../shared/adapters/projection-store.js';

const querySchema = z.strictObject({ period: periodSchema });

export interface GetIndicatorsDeps {
  keys: KeyStore;
  projections: ProjectionStore;
  logger: Logger;
  codeVersion: string;
}

export function makeGetIndicators(deps: GetIndicatorsDeps) {
  return middy<HttpEvent, HttpResult>()
    .use(injectLambdaContext(deps.logger))
    .use(httpErrors(deps.logger))
    .handler(async (event) => {
      const principal = await authenticate(event, deps.keys);
      requireRole(principal, 'steering-committee');
      const query = querySchema.safeParse(event.queryStringParameters ?? {});
      if (!query.success) throw new HttpError(422, 'invalid_query', 'name a period: ?period=YYYY, YYYY-Qn or YYYY-MM', zodProblems(query.error));
      const report = buildPublicReport(await deps.projections.listServices(), query.data.period, deps.codeVersion);
      return json(200, { period: report.period.id, asOf: report.asOf, assessments: report.assessments });
    });
}
