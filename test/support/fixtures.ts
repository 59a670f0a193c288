// Builders for request bodies and API Gateway events used across tests.
import { CATALOGS } from '../../shared/domain/catalog.js';
import type { AssessmentSubmission } from '../../shared/domain/assessment.js';
import type { Answer } from '../../shared/domain/scoring.js';
import type { HttpEvent } from '../../shared/adapters/http.js';

export const CATALOG = CATALOGS['2022-07']!;
export const ALL_IDS = CATALOG.criteria.map((c) => c.id);

/** Answers for every criterion: `yes` unless `overrides` says otherwise; every `no` and `not_applicable` explained. */
export function answers(overrides: Record<string, Answer> = {}): AssessmentSubmission['answers'] {
  return ALL_IDS.map((criterionId) => {
    const answer = overrides[criterionId] ?? 'yes';
    if (answer === 'no') return { criterionId, answer, explanation: `Uitleg bij ${criterionId}.` };
    if (answer === 'not_applicable') return { criterionId, answer, explanation: `${criterionId} is hier niet van toepassing.` };
    return { criterionId, answer };
  });
}

/** The day the tests run on, as DDS_TODAY would fix it. */
export const TODAY = '2026-11-26';

export function assessment(over: Partial<AssessmentSubmission> = {}): AssessmentSubmission {
  return {
    organisationId: 'OVO000123',
    serviceId: 'omgevingsvergunning',
    phase: 'pre',
    catalogVersion: '2022-07',
    assessedOn: '2026-10-01',
    service: {
      name: 'Omgevingsvergunning aanvragen',
      targetGroups: ['burgers', 'ondernemers'],
      budgetEur: 750000,
      expectedUsers: 90000,
      eloketten: ['mijn-burgerprofiel'],
    },
    answers: answers(),
    ...over,
  };
}

export function httpEvent(o: {
  routeKey: string;
  headers?: Record<string, string>;
  body?: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
}): HttpEvent {
  const [method, path] = o.routeKey.split(' ') as [string, string];
  return {
    version: '2.0',
    routeKey: o.routeKey,
    rawPath: path,
    rawQueryString: new URLSearchParams(o.query ?? {}).toString(),
    headers: o.headers ?? {},
    ...(o.query ? { queryStringParameters: o.query } : {}),
    ...(o.pathParameters ? { pathParameters: o.pathParameters } : {}),
    ...(o.body !== undefined ? { body: o.body } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: 'test',
      apiId: 'test',
      domainName: 'test',
      domainPrefix: 'test',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'req',
      routeKey: o.routeKey,
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
  };
}

export const jsonHeaders = (key?: string): Record<string, string> => ({
  'content-type': 'application/json',
  ...(key ? { authorization: `Bearer ${key}` } : {}),
});
