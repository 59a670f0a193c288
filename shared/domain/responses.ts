// The answers of the API as zod schemas, beside the request schemas: the
// OpenAPI document (shared/adapters/openapi.ts) is generated from both, and
// the type checks at the bottom of this file fail to compile when an answer's
// TypeScript type and its schema drift apart. Only the document uses these
// schemas at run time: no handler validates its own answer.
import * as z from 'zod';
import type { AssessmentResult } from './accept-assessment.js';
import { PERSPECTIVES, PRINCIPLES } from './catalog-types.js';
import type { CountsOverrides } from './counts-correction.js';
import type { IndicatorOverview } from './indicators.js';
import { indicatorSchema } from './operational/indicator.js';
import { TOO_FEW_PEERS } from './operational/peers.js';
import type { ServicePeers } from './operational/service-peers.js';
import type { AssessmentFigures } from './report/assessment-figures.js';
import type { CHANNELS } from './service-counts.js';
import type { ServiceView } from './service-view.js';
import type { ServiceFeedbackView } from './feedback/service-feedback.js';
import type { ReportStatus } from './report-request.js';
import type { CountsSeries, PrincipleSeries } from './series.js';
import { TARGET_GROUPS } from './vocabulary.js';

const id = z.string().min(1);
const date = z.iso.date();
const timestamp = z.iso.datetime({ offset: true });
const count = z.int().min(0);

/** A sum of counts: a JSON number while it is a safe integer, past 2^53 a string of digits (design §3). */
export const exactSchema = z
  .union([z.int().min(0), z.string().regex(/^\d+$/)])
  .meta({ description: 'An exact count: a number up to 2^53 − 1, beyond that a string of digits' });

export const significanceSchema = z
  .union([z.boolean(), z.literal('unknown')])
  .meta({ description: 'Budget over €500,000 or more than 100,000 users (seed §3.2); "unknown" when neither is known' });

const score = z.number().min(0).max(1).nullable().meta({ description: 'yes ÷ (yes + no); null when every answer is not_applicable' });
export const bandSchema = z.enum(['good', 'partial', 'none', 'n/a']).meta({
  description: 'good: score ≥ 0.8; partial: 0 < score < 0.8; none: 0; n/a: no applicable answer (seed §6.4.4)',
});

const perPrinciple = <T extends z.ZodType>(value: T) => {
  const group = z.object({ G: value, I: value, all: value });
  return z.object({ SD: group, GC: group, DH: group, DG: group, BT: group, all: group });
};

export const scoresSchema = perPrinciple(score).meta({ id: 'Scores', description: 'Per principle and perspective (G users, I inclusion)' });
export const bandsSchema = perPrinciple(bandSchema).meta({ id: 'Bands', description: 'The band of each score' });

export const assessmentResultSchema = z
  .object({ assessmentId: id, significant: significanceSchema, catalogVersion: z.string(), scores: scoresSchema, bands: bandsSchema })
  .meta({ id: 'AssessmentResult', description: 'The stored assessment, scored' });

const countsOverridesSchema = z.object({
  derivedFrom: z.enum(['quarters', 'months']),
  subPeriodsReported: z.int().min(1),
});

export const countsReceiptSchema = z
  .object({
    reportId: id,
    version: z.int().min(1),
    overrides: countsOverridesSchema
      .optional()
      .meta({ description: 'This report stands over the months or quarters already reported inside its period' }),
  })
  .meta({ id: 'CountsReceipt', description: "The e-loket's report for the period, as its current version" });

export const planReceiptSchema = z.object({ planId: id, version: z.int().min(1) }).meta({ id: 'PlanReceipt' });

export const decisionReceiptSchema = z.object({ decisionId: id, decidedOn: date }).meta({ id: 'DecisionReceipt' });

export const reportRequestedSchema = z
  .object({ reportId: id, period: z.string() })
  .meta({ id: 'ReportRequested', description: 'Both reports of the period will be published' });

const scored = z.object({ assessmentId: id, assessedOn: date, scores: scoresSchema, bands: bandsSchema });

const measureValue = z.union([z.number(), z.boolean(), z.string()]);
const peerComparisonSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('compared'),
    value: measureValue,
    forecast: z.boolean().meta({ description: 'true: the value is from a pre assessment only' }),
    peers: count.meta({ description: 'Peers with a value' }),
    median: measureValue.optional().meta({ description: "count and level: the peers' median" }),
    shareYes: z.number().min(0).max(1).optional().meta({ description: 'yes/no: the share of peers with yes' }),
    comparison: z.enum(['better', 'same', 'worse']),
  }),
  z.object({
    status: z.literal('no_data').meta({ description: 'The service reported no value for the indicator' }),
    value: z.null(),
    peers: count,
    median: measureValue.optional(),
    shareYes: z.number().min(0).max(1).optional(),
  }),
  z.object({
    status: z.literal('too_few_peers').meta({ description: 'Fewer than 3 peers reported a value: no figure' }),
    value: measureValue.nullable(),
    forecast: z.boolean().optional(),
    peers: count,
    note: z.literal(TOO_FEW_PEERS),
  }),
]);

export const serviceViewSchema = z
  .object({
    organisationId: id,
    serviceId: id,
    name: z.string(),
    significant: significanceSchema,
    pre: scored.nullable().meta({ description: 'The latest assessment before the rework (a forecast), or null' }),
    post: scored.nullable().meta({ description: 'The latest assessment after the rework (a result), or null' }),
    history: z.array(z.object({ assessmentId: id, phase: z.enum(['pre', 'post']), assessedOn: date, submittedAt: timestamp })),
    decisions: z.array(
      z.object({
        decisionId: id,
        assessmentId: id,
        decision: z.enum(['accepted', 'derogation', 'action_required']),
        criteria: z.array(z.string()),
        until: date.optional(),
        note: z.string().optional(),
        decidedOn: date,
      }),
    ),
    peerGroup: z
      .object({
        targetGroups: z.array(z.string()),
        policyDomain: z
          .string()
          .nullable()
          .meta({ description: 'The policy domain the peers were narrowed to (at least 5 there), or null' }),
        services: count,
      })
      .meta({
        description: 'How the peers were chosen: services with a target group in common, of the same policy domain where that leaves 5',
      }),
    indicatorCatalogVersion: z.string().meta({ description: 'The operational-indicator catalog version compared on' }),
    peers: z
      .record(z.string(), peerComparisonSchema)
      .meta({ description: 'Per operational indicator: the service beside its peers (GET /v1/indicator-catalog)' }),
  })
  .meta({ id: 'ServiceView' });

const volumesSchema = z.object({
  click: exactSchema.nullable(),
  call: exactSchema.nullable(),
  connect: exactSchema.nullable(),
  other: exactSchema.nullable(),
  total: exactSchema.nullable(),
  rows: count,
  rowsWithData: count,
});

/** What every counts figure holds (an e-loket's, or several summed). */
export const countsFigureFields = {
  servicesOffered: exactSchema,
  providers: count,
  byTargetGroup: z.object(
    Object.fromEntries(TARGET_GROUPS.map((g) => [g, exactSchema.optional()])) as Record<
      (typeof TARGET_GROUPS)[number],
      z.ZodOptional<typeof exactSchema>
    >,
  ),
  volumes: volumesSchema.meta({ description: 'Interactions per channel; null: no row had data for that channel (not 0)' }),
  digitalShare: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .meta({ description: 'Σclick ÷ Σ all channels over the rows summed (a ratio of sums); null without data' }),
};

const noData = z.object({ status: z.literal('no_data') });

export const eloketFigureSchema = z
  .discriminatedUnion('status', [
    noData,
    z.object({ status: z.literal('reported'), version: z.int().min(1), ...countsFigureFields }),
    z.object({
      status: z.literal('derived'),
      derivedFrom: z.enum(['quarters', 'months']),
      subPeriodsReported: z.int().min(1),
      subPeriods: z.int().min(1),
      ...countsFigureFields,
    }),
  ])
  .meta({ id: 'EloketFigure', description: "One e-loket's figure of a period: reported, derived from its months or quarters, or no_data" });

export const aggregatedFigureSchema = z
  .discriminatedUnion('status', [noData, z.object({ status: z.literal('aggregated'), eloketten: z.int().min(1), ...countsFigureFields })])
  .meta({ id: 'AggregatedFigure', description: 'Several e-loketten summed (stocks and flows add up, providers counted once)' });

const bandCounts = z.object({ good: count, partial: count, none: count, 'n/a': count });
export const bandCountsSchema = bandCounts;
const bandTable = perPrinciple(bandCounts);
const headlineCounts = z.object({ good: count, notGood: count, notApplicable: count, total: count });

export const assessmentFiguresSchema = z
  .object({
    services: count,
    significant: count,
    significanceUnknown: count,
    withPre: count,
    withPost: count,
    owing: count,
    goLiveUnknown: count,
    bands: bandTable.meta({ description: "Results: the bands of each service's latest post" }),
    forecastBands: bandTable.meta({ description: 'Forecasts: the bands of the pre of services without a post yet' }),
    headline: z.object({ results: headlineCounts, forecasts: headlineCounts }),
  })
  .meta({ id: 'AssessmentFigures' });

export const indicatorOverviewSchema = z
  .object({
    period: z.string(),
    asOf: timestamp.nullable().meta({ description: 'The newest submission the figures rest on' }),
    eloketten: z.record(z.string(), eloketFigureSchema),
    all: aggregatedFigureSchema,
    assessments: assessmentFiguresSchema,
  })
  .meta({ id: 'IndicatorOverview' });

export const criteriaDocumentSchema = z
  .object({
    catalogs: z.array(
      z.object({
        catalogVersion: z.string(),
        principles: z.object(
          Object.fromEntries(PRINCIPLES.map((p) => [p, z.string()])) as Record<(typeof PRINCIPLES)[number], z.ZodString>,
        ),
        perspectives: z.object(
          Object.fromEntries(PERSPECTIVES.map((p) => [p, z.string()])) as Record<(typeof PERSPECTIVES)[number], z.ZodString>,
        ),
        criteria: z.array(
          z.object({
            id: z.string().regex(/^(SD|GC|DH|DG|BT)-(G|I)\d+$/),
            principle: z.enum(PRINCIPLES),
            perspective: z.enum(PERSPECTIVES),
            text: z.string().meta({ description: 'The criterion in Dutch, from the strategy' }),
            details: z.array(z.string()),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'CriteriaCatalog' });

export const indicatorCatalogDocumentSchema = z
  .object({
    currentVersion: z.string().meta({ description: 'The version an assessment uses when it names none' }),
    versions: z.array(
      z.object({
        indicatorCatalogVersion: z.string(),
        publishedOn: z.iso.date(),
        indicators: z.array(indicatorSchema),
      }),
    ),
  })
  .meta({ id: 'IndicatorCatalog' });

export const healthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    checks: z.object({ dynamodb: z.string(), s3: z.string() }).meta({ description: '"ok", or what went wrong with that store' }),
    codeVersion: z.string(),
  })
  .meta({ id: 'Health' });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'A stable, machine-readable code (invalid_body, forbidden, conflict, …)' }),
      message: z.string(),
      details: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .max(100)
        .meta({ description: 'Every problem, at most 100' }),
      moreProblems: z.int().min(1).optional().meta({ description: 'How many more problems there were beyond the 100 listed' }),
    }),
  })
  .meta({ id: 'Error', description: 'Every problem at once, each with where it is' });

/** What API Gateway itself answers when the API's overall rate is exceeded (in AWS). */
export const gatewayThrottleSchema = z.object({ message: z.string() }).meta({ id: 'GatewayThrottle' });

const withPeriod = { period: z.string() };
const countsPointSchema = z.discriminatedUnion('status', [
  z.object({ ...withPeriod, status: z.literal('no_data') }),
  z.object({ ...withPeriod, status: z.literal('reported'), version: z.int().min(1), ...countsFigureFields }),
  z.object({
    ...withPeriod,
    status: z.literal('derived'),
    derivedFrom: z.enum(['quarters', 'months']),
    subPeriodsReported: z.int().min(1),
    subPeriods: z.int().min(1),
    ...countsFigureFields,
  }),
  z.object({ ...withPeriod, status: z.literal('aggregated'), eloketten: z.int().min(1), ...countsFigureFields }),
]);

const countsTotalSchema = z
  .discriminatedUnion('status', [
    noData,
    z.object({ status: z.literal('aggregated'), points: z.int().min(1), lastPeriod: z.string(), ...countsFigureFields }),
  ])
  .meta({
    description:
      'Over the whole range: volumes and rows summed over the points with data, services offered, providers and target groups from the last of them (lastPeriod), the digital share as Σclick ÷ Σ all channels',
  });

export const countsSeriesSchema = z
  .object({ group: z.string(), label: z.string(), points: z.array(countsPointSchema), total: countsTotalSchema })
  .meta({
    id: 'CountsSeries',
    description:
      'One group over time: per e-loket each point is the e-loket figure of GET /v1/indicators; otherwise the group summed over the e-loketten',
  });

const perspectiveBands = z.object({ G: bandCounts, I: bandCounts, all: bandCounts });
export const principleSeriesSchema = z
  .object({
    group: z.enum([...PRINCIPLES, 'all']),
    label: z.string(),
    points: z.array(
      z.object({
        period: z.string(),
        services: count.meta({
          description:
            "Every service assessed by the period's end (after the filters), results and forecasts together; in the CSV answer the same on the rows of both kinds, so it is not the sum of one row's bands",
        }),
        bands: perspectiveBands.meta({ description: "Results: the latest post of each service assessed by the period's end" }),
        forecastBands: perspectiveBands.meta({ description: 'Forecasts: the pre of services without a post yet' }),
      }),
    ),
  })
  .meta({ id: 'PrincipleSeries', description: "One principle's bands over time, each from the as-of selection of the period's end" });

export const indicatorSeriesSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    granularity: z.enum(['year', 'quarter', 'month']),
    groupBy: z.enum(['eloket', 'targetGroup', 'organisation', 'policyDomain', 'principle']),
    filters: z.object({
      eloket: z.string().optional(),
      targetGroup: z.enum(TARGET_GROUPS).optional(),
      organisationId: z.string().optional(),
      policyDomain: z.string().optional(),
    }),
    periods: z.array(z.string()),
    series: z.union([z.array(countsSeriesSchema), z.array(principleSeriesSchema)]),
    nextCursor: z.string().nullable().meta({ description: 'Pass it as cursor for the next page; null on the last page' }),
  })
  .meta({ id: 'IndicatorSeries' });

// ---- the types and the schemas say the same (a compile error otherwise) ----
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const agree = <T extends true>(): T => true as T;
agree<Same<z.infer<typeof assessmentResultSchema>, AssessmentResult>>();
agree<Same<z.infer<typeof serviceViewSchema>, ServiceView & ServicePeers>>();
agree<Same<NonNullable<z.infer<typeof countsReceiptSchema>['overrides']>, CountsOverrides>>();
agree<Same<z.infer<typeof assessmentFiguresSchema>, AssessmentFigures>>();
agree<Same<z.infer<typeof eloketFigureSchema>['status'], IndicatorOverview['eloketten'][string]['status']>>();
agree<Same<keyof z.infer<typeof volumesSchema>, (typeof CHANNELS)[number] | 'total' | 'rows' | 'rowsWithData'>>();
agree<Same<z.infer<typeof indicatorOverviewSchema>, IndicatorOverview>>();
agree<Same<z.infer<typeof countsSeriesSchema>, CountsSeries>>();
agree<Same<z.infer<typeof principleSeriesSchema>, PrincipleSeries>>();

// ---- report status, feedback and the action plan ----
const fileUrls = z.object({ page: z.string(), files: z.array(z.string()) });

export const reportStatusSchema = z
  .object({
    reportId: id,
    period: z.string(),
    status: z.enum(['pending', 'published', 'failed']),
    urls: z.object({ public: fileUrls, committee: fileUrls }).optional().meta({ description: 'published: where to read both reports' }),
    error: z.string().optional().meta({ description: 'failed: why' }),
    failedAttempts: z.int().min(1).optional().meta({ description: 'pending after a failed attempt: the publisher tries again' }),
    lastError: z.string().optional(),
  })
  .meta({ id: 'ReportStatus', description: 'What became of a report request' });

const ratingCountsSchema = z.object({ '1': count, '2': count, '3': count, '4': count, '5': count });
const share = z.number().min(0).max(1);
export const feedbackFigureSchema = z
  .discriminatedUnion('status', [
    noData,
    z.object({ status: z.literal('too_few'), responses: count, label: z.literal('te weinig reacties') }),
    z.object({
      status: z.literal('enough'),
      responses: count,
      satisfaction: share.meta({ description: 'Σ(ratings 4 and 5) ÷ Σ(ratings)' }),
      meanRating: z.number().min(1).max(5),
      foundItShare: share.nullable().meta({ description: 'Σyes ÷ Σ(found-it answers given); null when nobody answered it' }),
      ratings: ratingCountsSchema,
      foundIt: z.object({ yes: count, partly: count, no: count, answers: count }),
    }),
  ])
  .meta({ id: 'FeedbackFigure', description: 'Fewer than 10 responses is "te weinig reacties", never a figure; none is no_data' });

export const serviceFeedbackSchema = z
  .object({
    organisationId: id,
    serviceId: id,
    period: z.string(),
    feedback: feedbackFigureSchema,
    sources: z.object({
      form: z.object({ responses: count }),
      aggregate: z.discriminatedUnion('status', [
        noData,
        z.object({ status: z.literal('reported'), version: z.int().min(1), responses: count }),
        z.object({
          status: z.literal('derived'),
          derivedFrom: z.enum(['quarters', 'months']),
          subPeriodsReported: z.int().min(1),
          subPeriods: z.int().min(1),
          responses: count,
        }),
      ]),
    }),
    comments: z.array(
      z.discriminatedUnion('source', [
        z.object({ source: z.literal('form'), receivedOn: date, rating: z.int().min(1).max(5), text: z.string() }),
        z.object({ source: z.literal('aggregate'), receivedOn: date, period: z.string(), text: z.string() }),
      ]),
    ),
    commentsTotal: count.meta({ description: 'Comments in the period; more than shown past 500' }),
    retentionDays: z.int().min(1).meta({ description: 'Days a comment is kept before it is erased' }),
  })
  .meta({ id: 'ServiceFeedback', description: "A service's feedback figures and comments for a period, newest comment first" });

export const feedbackResponseReceiptSchema = z.object({ responseId: id }).meta({ id: 'FeedbackResponseReceipt' });
export const feedbackReceiptSchema = z.object({ reportId: id, version: z.int().min(1) }).meta({ id: 'FeedbackReceipt' });
export const maturityReceiptSchema = z.object({ scanId: id }).meta({ id: 'MaturityReceipt' });
export const statusChangeReceiptSchema = z
  .object({ changeId: id, recordedOn: date, status: z.string() })
  .meta({ id: 'StatusChangeReceipt' });

agree<Same<z.infer<typeof reportStatusSchema>, ReportStatus>>();
agree<Same<z.infer<typeof serviceFeedbackSchema>, ServiceFeedbackView>>();
