// Issue 14: the lists of every published period (point 10: newest first by
// end date, the longer period first, grouped by year; point 8: the committee's
// own list and the page a browser gets without a key) and a report's status
// (point 11), as pure functions.
import { describe, expect, it } from 'vitest';
import { committeeNotFoundPage, committeeSignInPage, orderPeriods, reportsIndexPage } from '../../shared/domain/report/pages.js';
import { periodOfReportId, reportIdFor, reportStatusOf, type ReportOutcome } from '../../shared/domain/report-request.js';

/** The periods in the order a page lists them (its links to each period's page). */
const listed = (page: string) => [...page.matchAll(/<li><a href="([^"/]+)\/">/g)].map((m) => m[1]);

describe('the list of every published period', () => {
  // As published in November 2026: the months and quarters of 2026, October last; and 2025 whole.
  const published = ['2026-Q2', '2026-10', '2025-Q4', '2026-Q3', '2026-09', '2025', '2026-07', '2026-08', '2025-12'];

  it('orders periods newest first by end date, the longer first on the same end, grouped by year', () => {
    expect(orderPeriods(published)).toEqual([
      { year: 2026, periods: ['2026-10', '2026-Q3', '2026-09', '2026-08', '2026-07', '2026-Q2'] },
      { year: 2025, periods: ['2025', '2025-Q4', '2025-12'] },
    ]);
  });

  it('lists October 2026 above 2026-Q3 on the public page, under a heading per year', () => {
    const page = reportsIndexPage(published);
    expect(listed(page)).toEqual(['2026-10', '2026-Q3', '2026-09', '2026-08', '2026-07', '2026-Q2', '2025', '2025-Q4', '2025-12']);
    expect([...page.matchAll(/<h2 id="jaar-(\d{4})">/g)].map((m) => m[1])).toEqual(['2026', '2025']);
    expect(page).toContain('<li><a href="2026-10/">oktober 2026</a>');
    expect(page).toContain('<a href="latest/">Het meest recente rapport</a>');
  });

  it('gives the committee its own list, in the same order, with the explanations of each period', () => {
    const page = reportsIndexPage(published, 'committee');
    expect(listed(page)).toEqual(listed(reportsIndexPage(published)));
    expect(page).toContain('<title>Rapporten voor het Stuurorgaan</title>');
    expect(page).toContain('<a href="2026-Q3/explanations.csv">toelichtingen als CSV</a>');
    // The committee has no latest/: only the public site does.
    expect(page).not.toContain('latest/');
  });

  it('says so when nothing is published yet', () => {
    expect(reportsIndexPage([], 'committee')).toContain('<p>Er is nog geen rapport gepubliceerd.</p>');
  });
});

describe('the committee pages for a browser', () => {
  it('tell a browser without a key that the user name is free and the password is the committee key, in Dutch', () => {
    const page = committeeSignInPage();
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('<strong>Gebruikersnaam</strong>: vrij te kiezen');
    expect(page).toContain('<strong>Wachtwoord</strong>: de sleutel van het Stuurorgaan');
    expect(committeeNotFoundPage()).toContain('<a href="/committee/">Naar alle rapporten voor het Stuurorgaan</a>');
  });
});

describe('a report id and its status', () => {
  const id = reportIdFor('2026-Q3', '5b0e8a34-1f7a-4c55-9d0e-2b7b9f0a1c11');

  it('names its period, so its request is found without a scan', () => {
    expect(id).toBe('2026-Q3.5b0e8a34-1f7a-4c55-9d0e-2b7b9f0a1c11');
    expect(periodOfReportId(id)).toBe('2026-Q3');
    expect(periodOfReportId('2026.r1')).toBe('2026');
    for (const bad of ['', '5b0e8a34', '2026-Q5.x', '2026-13.x', '2026-Q3.', '2026-Q3.a/b', '../2026-Q3.x'])
      expect(periodOfReportId(bad)).toBeNull();
  });

  const bases = { api: 'https://api.example/', publicReports: 'https://cdn.example/reports/' };
  const published: ReportOutcome = {
    kind: 'published',
    reportId: id,
    period: '2026-Q3',
    at: '2026-10-02T08:00:00.000Z',
    publicKeys: ['reports/2026-Q3/report.json', 'reports/2026-Q3/indicators.csv', 'reports/2026-Q3/index.html'],
    committeeKeys: ['committee/2026-Q3/report.json', 'committee/2026-Q3/explanations.csv', 'committee/2026-Q3/index.html'],
  };
  const failure = (over: Partial<Extract<ReportOutcome, { kind: 'failed' }>>): ReportOutcome => ({
    kind: 'failed',
    reportId: id,
    period: '2026-Q3',
    at: '2026-10-02T08:00:00.000Z',
    reason: 'S3 unavailable',
    refused: false,
    failedAttempts: 1,
    attemptsAllowed: 4,
    ...over,
  });

  it('is pending until the publisher records an outcome', () => {
    expect(reportStatusOf(id, '2026-Q3', null, bases)).toEqual({ reportId: id, period: '2026-Q3', status: 'pending' });
  });

  it('is published with the URLs of its page and files: public ones where the public reads them, the committee on the API', () => {
    expect(reportStatusOf(id, '2026-Q3', published, bases)).toEqual({
      reportId: id,
      period: '2026-Q3',
      status: 'published',
      urls: {
        public: {
          page: 'https://cdn.example/reports/2026-Q3/',
          files: ['https://cdn.example/reports/2026-Q3/report.json', 'https://cdn.example/reports/2026-Q3/indicators.csv'],
        },
        committee: {
          page: 'https://api.example/committee/2026-Q3/',
          files: ['https://api.example/committee/2026-Q3/report.json', 'https://api.example/committee/2026-Q3/explanations.csv'],
        },
      },
    });
  });

  it('is still pending, saying what went wrong, while the trigger retries; failed with the reason once it gives up or is refused', () => {
    expect(reportStatusOf(id, '2026-Q3', failure({ failedAttempts: 3 }), bases)).toEqual({
      reportId: id,
      period: '2026-Q3',
      status: 'pending',
      failedAttempts: 3,
      lastError: 'S3 unavailable',
    });
    expect(reportStatusOf(id, '2026-Q3', failure({ failedAttempts: 4 }), bases)).toEqual({
      reportId: id,
      period: '2026-Q3',
      status: 'failed',
      error: 'S3 unavailable',
    });
    const refused = failure({ refused: true, reason: '2026-Q3 ends on 2026-09-30: its reports can be published from the day after' });
    expect(reportStatusOf(id, '2026-Q3', refused, bases)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('ends on 2026-09-30'),
    });
  });
});
