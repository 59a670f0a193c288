// Publishing a period's reports so that a reader never sees half of one: every
// file of the period first (the public CSV files with their CSVW metadata),
// then the pages, then `latest/`, then the index, then the open-data
// catalogue (reports/catalog.jsonld); the record of the publication last. A failure anywhere throws, leaves what was published
// before in place, and the trigger retries. Only a period that has ended is
// published (design §2: a report is a function of what is dated by its end).
import type { ReportPublishedV1 } from '../../events/report-published.js';
import { buildReports, type Report } from '../domain/report/report-model.js';
import { CATALOGUE_KEY, csvwFiles, csvwName, dcatCatalogue } from '../domain/report/open-data.js';
import { orderPeriods, reportPage, reportsIndexPage } from '../domain/report/pages.js';
import type { Audience } from '../domain/report/sections/section.js';
import { parsePeriod } from '../domain/periods.js';
import type { CommentStore } from '../adapters/comment-store.js';
import type { EloketRegistry } from '../adapters/eloket-registry.js';
import type { FeedbackStrategyProjections } from '../adapters/feedback-strategy-projections.js';
import type { MaturityThemes } from '../adapters/maturity-themes.js';
import type { OrganisationRegistry } from '../adapters/organisation-registry.js';
import type { IndicatorCatalogs } from '../adapters/indicator-catalog-store.js';
import type { ObjectStore, StoredObject } from '../adapters/object-store.js';
import type { ProjectionStore } from '../adapters/projection-store.js';
import type { SubmissionStore } from '../adapters/submission-store.js';
import { trendQuarters } from '../domain/operational/values.js';
import { explanationsOf, feedbackInputsOf, selectPeriodFromStore } from './period-selection.js';
import { Refusal } from './refusal.js';

export interface PublishDeps {
  projections: ProjectionStore;
  /** the stored submissions hold the explanations' texts */
  submissions: SubmissionStore;
  eloketten: EloketRegistry;
  organisations: OrganisationRegistry;
  /** the feedback tallies, maturity scans and status changes */
  feedbackProjections: FeedbackStrategyProjections;
  /** the committee's report shows the comments not expired at `now` */
  comments: CommentStore;
  /** the maturity themes' names, for the yearly report */
  themes: MaturityThemes;
  /** the operational-indicator catalog versions */
  indicatorCatalogs: IndicatorCatalogs;
  objects: ObjectStore;
  buckets: { publicReports: string; committeeReports: string };
  codeVersion: string;
  newId: () => string;
  now: () => Date;
  today: () => string;
}

/** A period's reports can be published once it has ended (its last day is before today). */
export function assertEnded(periodId: string, today: string): void {
  const p = parsePeriod(periodId);
  if (!p)
    throw new Refusal('invalid', 'invalid_period', `${periodId} is not a period: YYYY, YYYY-Qn or YYYY-MM`, [
      { path: 'period', message: 'not a period' },
    ]);
  if (p.end >= today) {
    throw new Refusal('invalid', 'period_not_ended', `${periodId} ends on ${p.end}: its reports can be published from the day after`, [
      { path: 'period', message: `ends on ${p.end}, not before today (${today})` },
    ]);
  }
}

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const CSV = 'text/csv; charset=utf-8';
const CSVW = 'application/csvm+json; charset=utf-8';
const JSON_LD = 'application/ld+json; charset=utf-8';

const jsonOf = (v: unknown) => `${JSON.stringify(v)}\n`;

/**
 * A report's files: report.json, each section's CSV files in registry order
 * (in the public report each followed by its CSVW metadata), and last the
 * page that links to them.
 */
function filesOf(report: Report<Audience>): Record<string, StoredObject> {
  const files: Record<string, StoredObject> = { 'report.json': { body: jsonOf(report.json), contentType: JSON_TYPE } };
  const metadata = report.page.audience === 'public' ? csvwFiles(report.page.period.id) : {};
  for (const section of report.sections) {
    for (const { name, body } of section.files(report.page)) {
      files[name] = { body, contentType: CSV };
      const described = metadata[csvwName(name)];
      if (described !== undefined) files[csvwName(name)] = { body: described, contentType: CSVW };
    }
  }
  files['index.html'] = { body: reportPage(report), contentType: HTML };
  return files;
}

/** The period that ends last; on a tie the longer one (a year over its last quarter): the first the index lists. */
const latestOf = (periods: readonly string[]): string | undefined => orderPeriods(periods)[0]?.periods[0];

/** `reportId`: the requested report's (POST /v1/reports); the schedule and the CLI publish under an id of their own. */
export async function publishReports(deps: PublishDeps, periodId: string, reportId: string = deps.newId()): Promise<ReportPublishedV1> {
  assertEnded(periodId, deps.today());
  const period = parsePeriod(periodId)!;
  const [{ selection, indicatorHistory }, eloketten, organisations, feedback, indicatorCatalogs] = await Promise.all([
    selectPeriodFromStore(deps.projections, period.end, trendQuarters(period)),
    deps.eloketten.list(),
    deps.organisations.list(),
    // Comments are read as they stand now: an expired or erased one is never shown (see README "The yearly report").
    feedbackInputsOf(deps, period, deps.now()),
    deps.indicatorCatalogs.all(),
  ]);
  const decisions: Array<Parameters<typeof buildReports>[0]['decisions'][number]> = [];
  for await (const d of deps.projections.decisions()) decisions.push(d);
  const withCounts = await Promise.all(
    eloketten.map(async (e) => ({ ...e, reported: new Map((await deps.projections.listCounts(e.id)).map((c) => [c.period, c])) })),
  );
  const reports = buildReports({
    periodId,
    codeVersion: deps.codeVersion,
    selection,
    decisions,
    explanations: await explanationsOf(deps.submissions, selection),
    eloketten: withCounts,
    organisations: new Map(organisations.map((o) => [o.organisationId, o])),
    ...feedback,
    indicatorCatalogs,
    indicatorHistory,
  });
  const publicFiles = filesOf(reports.public);
  const committeeFiles = filesOf(reports.committee);
  // Within a step the files go in parallel; each page follows the files it links to.
  const writeAll = async (targets: Array<{ bucket: string; prefix: string; files: Record<string, StoredObject> }>) => {
    const put = (t: (typeof targets)[number], names: string[]) =>
      names.map((n) => deps.objects.put(t.bucket, `${t.prefix}${n}`, t.files[n]!));
    await Promise.all(
      targets.flatMap((t) =>
        put(
          t,
          Object.keys(t.files).filter((n) => n !== 'index.html'),
        ),
      ),
    );
    await Promise.all(
      targets.flatMap((t) =>
        put(
          t,
          Object.keys(t.files).filter((n) => n === 'index.html'),
        ),
      ),
    );
  };

  await writeAll([
    { bucket: deps.buckets.committeeReports, prefix: `committee/${periodId}/`, files: committeeFiles },
    { bucket: deps.buckets.publicReports, prefix: `reports/${periodId}/`, files: publicFiles },
  ]);

  // Only periods that have ended count (a report once published for a later one never takes over latest/).
  const today = deps.today();
  const records = new Map(
    (await deps.projections.listReports())
      .filter((r) => (parsePeriod(r.payload.period)?.end ?? today) < today)
      .map((r) => [r.payload.period, r.payload]),
  );
  const published = new Set([...records.keys(), periodId]);
  if (latestOf([...published]) === periodId)
    await writeAll([{ bucket: deps.buckets.publicReports, prefix: 'reports/latest/', files: publicFiles }]);
  // The lists of every period, public and the committee's own (served at /committee/).
  await Promise.all([
    deps.objects.put(deps.buckets.publicReports, 'reports/index.html', { body: reportsIndexPage([...published]), contentType: HTML }),
    deps.objects.put(deps.buckets.committeeReports, 'committee/index.html', {
      body: reportsIndexPage([...published], 'committee'),
      contentType: HTML,
    }),
  ]);
  // Last, the open-data catalogue of every period published, this one as it was just written.
  const catalogue = dcatCatalogue([
    ...[...records.values()]
      .filter((r) => r.period !== periodId)
      .map((r) => ({ period: r.period, asOf: r.asOf, files: r.publicKeys.map((k) => k.slice(`reports/${r.period}/`.length)) })),
    { period: periodId, asOf: reports.public.json.asOf, files: Object.keys(publicFiles) },
  ]);
  await deps.objects.put(deps.buckets.publicReports, CATALOGUE_KEY, {
    body: `${JSON.stringify(catalogue, null, 2)}\n`,
    contentType: JSON_LD,
  });

  const event: ReportPublishedV1 = {
    metadata: { eventId: deps.newId(), type: 'ReportPublished', version: 1, occurredAt: deps.now().toISOString() },
    payload: {
      reportId,
      period: periodId,
      asOf: reports.public.json.asOf,
      codeVersion: deps.codeVersion,
      publicKeys: Object.keys(publicFiles).map((n) => `reports/${periodId}/${n}`),
      committeeKeys: Object.keys(committeeFiles).map((n) => `committee/${periodId}/${n}`),
    },
  };
  await deps.projections.recordReport(event);
  return event;
}
