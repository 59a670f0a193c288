// GET /v1/indicators/series — figures over time, as JSON or (Accept: text/csv) as CSV.
import type { Logger } from '@aws-lambda-powertools/logger';
import { zodProblems } from '../../shared/domain/problems.js';
import { toCsv } from '../../shared/domain/report/csv.js';
import {
  COUNTS_CSV_HEADER,
  countsCsvRows,
  parseSeriesQuery,
  PRINCIPLE_CSV_HEADER,
  principleCsvRows,
  type CountsSeries,
  type PrincipleSeries,
} from '../../shared/domain/series.js';
import type { EloketRegistry } from '../../shared/adapters/eloket-registry.js';
import { guardedHttpFunction, type GuardDeps } from '../../shared/adapters/http-function.js';
import { header, HttpError, json, type HttpEvent } from '../../shared/adapters/http.js';
import type { OrganisationRegistry } from '../../shared/adapters/organisation-registry.js';
import { indicatorSeries, type SeriesDeps } from '../../shared/use-cases/indicator-series.js';

export type GetIndicatorSeriesDeps = GuardDeps &
  SeriesDeps & { eloketten: EloketRegistry; organisations: Pick<OrganisationRegistry, 'list'>; logger: Logger };

/** CSV when the client prefers it: `Accept: text/csv` (JSON stays the default, and for * / *). */
export function wantsCsv(event: HttpEvent): boolean {
  const accept = (header(event, 'accept') ?? '').toLowerCase();
  return /(^|,)\s*text\/csv\s*(;|,|$)/.test(accept) && !/(^|,)\s*application\/json\s*(;|,|$)/.test(accept.split('text/csv')[0] ?? '');
}

/** The address of the next page: the same query with the cursor of the answer. */
function nextLink(event: HttpEvent, cursor: string): string {
  const params = new URLSearchParams(event.rawQueryString ?? '');
  params.set('cursor', cursor);
  return `<${event.rawPath}?${params.toString()}>; rel="next"`;
}

export function makeGetIndicatorSeries(deps: GetIndicatorSeriesDeps) {
  return guardedHttpFunction('getIndicatorSeries', deps, async (event, caller) => {
    const query = parseSeriesQuery(event.queryStringParameters ?? {}, zodProblems);
    if (!query.ok)
      throw new HttpError(422, 'invalid_query', 'name the range and the grouping: ?from=2025-Q1&to=2026-Q4&groupBy=eloket', query.problems);
    const answer = await indicatorSeries(deps, caller, query.value);
    const link: Record<string, string> = answer.nextCursor === null ? {} : { link: nextLink(event, answer.nextCursor) };
    if (!wantsCsv(event)) return json(200, answer, link);
    const body =
      answer.groupBy === 'principle'
        ? toCsv(PRINCIPLE_CSV_HEADER, principleCsvRows(answer.series as PrincipleSeries[]))
        : toCsv(COUNTS_CSV_HEADER, countsCsvRows(answer.series as CountsSeries[], `${answer.from}/${answer.to}`));
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="series-${answer.groupBy}-${answer.from}-${answer.to}.csv"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        vary: 'accept',
        ...link,
      },
      body,
    };
  });
}
