// Asking for a period's reports, and what became of the request.
import * as z from 'zod';
import { parsePeriod, periodSchema } from './periods.js';

export const reportRequestSchema = z.strictObject({ period: periodSchema }).meta({
  description: 'A request to publish both reports of a period now. The period must have ended (its last day is before today).',
  examples: [{ period: '2026-Q3' }],
});

/** A report's id names its period (`2026-Q3.5b0e…`), so its request is found under the period without a scan. */
export const reportIdFor = (period: string, unique: string): string => `${period}.${unique}`;

const REPORT_ID = /^(\d{4}(?:-Q[1-4]|-\d{2})?)\.([A-Za-z0-9-]{1,64})$/;

/** The period a report id names, or null for anything that is not a report id. */
export function periodOfReportId(reportId: string): string | null {
  const m = REPORT_ID.exec(reportId);
  return m && parsePeriod(m[1]!) ? m[1]! : null;
}

/** What the publisher recorded about a report: its files, or why it could not publish them. */
export type ReportOutcome =
  | { kind: 'published'; reportId: string; period: string; at: string; publicKeys: string[]; committeeKeys: string[] }
  | {
      kind: 'failed';
      reportId: string;
      period: string;
      at: string;
      reason: string;
      /** refused (a period that has not ended): retrying cannot help */
      refused: boolean;
      failedAttempts: number;
      /** how many attempts the trigger makes before it gives up (1 + its retries) */
      attemptsAllowed: number;
    };

export interface FileUrls {
  /** the report's page */
  page: string;
  /** every other file of the report (report.json, the CSV files) */
  files: string[];
}

export interface ReportStatus {
  reportId: string;
  period: string;
  status: 'pending' | 'published' | 'failed';
  /** published: where to read it */
  urls?: { public: FileUrls; committee: FileUrls };
  /** failed: why */
  error?: string;
  /** pending after a failed attempt: the trigger tries again */
  failedAttempts?: number;
  lastError?: string;
}

/** Where the reports are read: the public site's `reports/` and the API's address (the committee's files). */
export interface ReportBases {
  /** ends in `/reports/` */
  publicReports: string;
  /** ends in `/` */
  api: string;
}

function urlsOf(keys: readonly string[], base: (key: string) => string): FileUrls {
  const page = keys.find((k) => k.endsWith('/index.html'));
  return {
    page: page ? base(page.slice(0, -'index.html'.length)) : '',
    files: keys.filter((k) => k !== page).map(base),
  };
}

/**
 * The status a committee member reads: published with the URLs of every file,
 * failed with the reason once refused or out of attempts, else pending (with
 * the last failure while the trigger still retries).
 */
export function reportStatusOf(reportId: string, period: string, outcome: ReportOutcome | null, bases: ReportBases): ReportStatus {
  if (!outcome) return { reportId, period, status: 'pending' };
  if (outcome.kind === 'published') {
    return {
      reportId,
      period,
      status: 'published',
      urls: {
        public: urlsOf(outcome.publicKeys, (k) => `${bases.publicReports}${k.replace(/^reports\//, '')}`),
        committee: urlsOf(outcome.committeeKeys, (k) => `${bases.api}${k}`),
      },
    };
  }
  if (outcome.refused || outcome.failedAttempts >= outcome.attemptsAllowed) {
    return { reportId, period, status: 'failed', error: outcome.reason };
  }
  return { reportId, period, status: 'pending', failedAttempts: outcome.failedAttempts, lastError: outcome.reason };
}
