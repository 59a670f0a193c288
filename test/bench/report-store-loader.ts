// Fills a stack's tables with what the reports read at a given size: each
// service's pre and post stored as the API stores them (their events) and
// projected as the stream would (their rows), and 8 quarters of counts from
// the 4 main e-loketten. Shared by the bench and by one-off probes of reading.
import { randomUUID } from 'node:crypto';
import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { upcastAssessment } from '../../events/assessment-submitted.js';
import type { ProjectionStore } from '../../shared/adapters/projection-store.js';
import { eventToAttributes } from '../../shared/adapters/submission-items.js';
import { storedSubmission } from '../../shared/domain/accept-assessment.js';
import { toAssessmentRow } from '../../shared/domain/assessment-row.js';
import { summarize } from '../../shared/domain/service-counts.js';
import { MAIN_ELOKETTEN } from '../../shared/domain/vocabulary.js';
import { ALL_IDS, answers, assessment } from '../support/fixtures.js';

export const REPORT_QUARTERS = ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];

export const benchSubmission = (i: number, tag: string) =>
  assessment({
    organisationId: `ORG${String(i % 100).padStart(3, '0')}`,
    serviceId: `${tag}-${i}`,
    answers: answers(i % 3 === 0 ? { 'SD-G1': 'no', 'DH-I2': 'not_applicable' } : {}),
  });

/**
 * How the report store's services answer: `two-patterns` (the bench's default, comparable with every figure
 * on record) gives every pre one of two answer patterns and every post all yes; `diverse` gives nearly every
 * service answers of its own: three criteria not met, explained, before, and one after, picked from its number.
 * Real assessments answer diversely; the two patterns let the scoring's memo and the compactor share what a
 * real population would not (docs/performance.md, "Report memory now").
 */
export type ReportAnswers = 'two-patterns' | 'diverse';

/** `n` criteria answered no, picked from `seed` (a deterministic generator: the same store every run). */
function unmetOf(seed: number, n: number): Record<string, 'no'> {
  const out: Record<string, 'no'> = {};
  let x = (seed * 2654435761) % 4294967296;
  for (let j = 0; j < n; j++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out[ALL_IDS[x % ALL_IDS.length]!] = 'no';
  }
  return out;
}

export async function pool<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let x = queue.shift(); x !== undefined; x = queue.shift()) await work(x);
    }),
  );
}

export async function loadReportStore(opts: {
  ddb: DynamoDBClient;
  projections: ProjectionStore;
  submissionsTable: string;
  services: number;
  countRows: number;
  /** the first service's number (a store filled in steps); 0 unless said */
  first?: number;
  /** two-patterns unless said */
  answers?: ReportAnswers;
}): Promise<void> {
  const diverse = opts.answers === 'diverse';
  const { ddb, projections, submissionsTable } = opts;
  const services = Array.from({ length: opts.services }, (_, i) => (opts.first ?? 0) + i);
  const chunks = [];
  // 12 services (24 items) a request.
  for (let i = 0; i < services.length; i += 12) chunks.push(services.slice(i, i + 12));
  await pool(chunks, 8, async (chunk) => {
    const events = chunk.flatMap((i) => {
      const pre = { ...benchSubmission(i, 'rep'), assessedOn: '2026-01-15', ...(diverse ? { answers: answers(unmetOf(i, 3)) } : {}) };
      const post = {
        ...benchSubmission(i, 'rep'),
        phase: 'post' as const,
        assessedOn: '2026-08-01',
        answers: answers(diverse ? unmetOf(i + 7919, 1) : {}),
      };
      return (
        [
          [pre, '2026-02-01T00:00:00.000Z'],
          [post, '2026-08-02T00:00:00.000Z'],
        ] as const
      ).map(([a, at]) => ({
        metadata: { eventId: randomUUID(), type: 'AssessmentSubmitted' as const, version: 2 as const, occurredAt: at },
        payload: { assessmentId: `${i}-${a.phase}`, submittedAt: at, submission: storedSubmission(a) },
      }));
    });
    let items = events.map((e) => ({ PutRequest: { Item: eventToAttributes(e) } }));
    while (items.length > 0) {
      const out = await ddb.send(new BatchWriteItemCommand({ RequestItems: { [submissionsTable]: items } }));
      items = (out.UnprocessedItems?.[submissionsTable] ?? []) as typeof items;
    }
    const { failed, error } = await projections.putAssessmentRows(events.map((e) => toAssessmentRow(upcastAssessment(e))));
    if (failed.length > 0) throw error ?? new Error('rows not written');
  });
  for (const eloket of MAIN_ELOKETTEN) {
    for (const [qi, quarter] of REPORT_QUARTERS.entries()) {
      const rows = Array.from({ length: opts.countRows }, (_, r) => ({
        organisationId: `ORG${r}`,
        targetGroup: 'burgers' as const,
        servicesOffered: 1 + ((r + qi) % 7),
        volumes: { click: 1000 + r, call: 100 + qi, connect: 10 },
      }));
      await projections.putCounts({
        eloket,
        period: quarter,
        version: 1,
        reportId: `${eloket}-${quarter}`,
        submittedAt: '2026-10-01T00:00:00.000Z',
        summary: summarize(rows),
      });
    }
  }
}
