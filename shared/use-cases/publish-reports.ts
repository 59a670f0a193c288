// Publishing a period's reports so that a reader never sees half of one: every
// file of the period first (the public CSV files with their CSVW metadata),
// then the pages, then `latest/`, then the index, then the open-data
// catalogue (reports/catalog.jsonld); the record of the publication last. A failure anywhere throws, leaves what was published
// before in place, and the trigger retries. Only a period that has ended is
// published (design §2: a report is a function of what is dated by its end).
import type { ReportPublishedV1 } from '../../events/report-published.js';
import { buildReports, type Report, type Reports } from '../domain/report/report-model.js';
import { CATALOGUE_KEY, csvwFiles, csvwName, dcatCatalogue } from '../domain/report/open-data.js';
import { jsonChunks } from '../domain/report/json-chunks.js';
import { orderPeriods, reportPageChunks, reportsIndexPage } from '../domain/report/pages.js';
import type { Audience } from '../domain/report/sections/section.js';
import { parsePeriod } from '../domain/periods.js';
import type { CommentStore } from '../adapters/comment-store.js';
import type { EloketRegistry } from '../adapters/eloket-registry.js';
import type { FeedbackStrategyProjections } from '../adapters/feedback-strategy-projections.js';
import type { MaturityThemes } from '../adapters/maturity-themes.js';
import type { OrganisationRegistry } from '../adapters/organisation-registry.js';
import type { IndicatorCatalogs } from '../adapters/indicator-catalog-store.js';
import type { ObjectStore, StagedObject } from '../adapters/object-store.js';
import type { ProjectionStore } from '../adapters/projection-store.js';
import type { SubmissionStore } from '../adapters/submission-store.js';
import { trendQuarters } from '../domain/operational/values.js';
import { explanationsOf, feedbackInputsOf, selectPeriodFromStore } from './period-selection.js';
import { assertEnded } from './period-ended.js';

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

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const CSV = 'text/csv; charset=utf-8';
const CSVW = 'application/csvm+json; charset=utf-8';
const JSON_LD = 'application/ld+json; charset=utf-8';

/** A file to publish: its text is made when it is written, piece by piece, so that only the files in flight are held. */
interface FileToPublish {
  name: string;
  contentType: string;
  chunks(): Iterable<string>;
}

/** Files written at once, pages among them: each one in flight is made while it is written, and holds a part buffer (object-store.ts). */
const FILES_IN_FLIGHT = 4;
/** Copies made at once: the store copies, nothing passes through this process. */
const COPIES_IN_FLIGHT = 16;

/**
 * A report's files: report.json, each section's CSV files in registry order
 * (in the public report each followed by its CSVW metadata), and last the
 * page that links to them.
 */
function filesOf(report: Report<Audience>): FileToPublish[] {
  const files: FileToPublish[] = [
    {
      name: 'report.json',
      contentType: JSON_TYPE,
      chunks: function* () {
        yield* jsonChunks(report.json);
        yield '\n';
      },
    },
  ];
  const metadata = report.page.audience === 'public' ? csvwFiles(report.page.period.id) : {};
  for (const section of report.sections) {
    for (const file of section.files(report.page)) {
      files.push({ name: file.name, contentType: CSV, chunks: () => file.chunks() });
      const described = metadata[csvwName(file.name)];
      if (described !== undefined) files.push({ name: csvwName(file.name), contentType: CSVW, chunks: () => [described] });
    }
  }
  files.push({ name: 'index.html', contentType: HTML, chunks: () => reportPageChunks(report) });
  return files;
}

/** Writes each item, at most `inFlight` at a time; the first failure is thrown once those in flight have settled. */
async function inTurns<T>(items: readonly T[], write: (item: T) => Promise<void>, inFlight = FILES_IN_FLIGHT): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const item = items[next++]!;
      try {
        await write(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, items.length) }, worker));
  if (failure) throw failure.error;
}

/** The period that ends last; on a tie the longer one (a year over its last quarter): the first the index lists. */
const latestOf = (periods: readonly string[]): string | undefined => orderPeriods(periods)[0]?.periods[0];

/**
 * The period's two reports, from what the store holds. A function of its own so that what they are
 * built from (the trend's values, the decisions, the selection's lookups) is let go once they are
 * built: only the reports' models are held while their files are written. The long lists among them
 * (lazy-list.ts) keep the selected services, their rows and the explained answers they are made from,
 * not rows of their own.
 */
async function reportsFromStore(deps: PublishDeps, periodId: string): Promise<Reports> {
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
  return buildReports({
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
}

/** `reportId`: the requested report's (POST /v1/reports); the schedule and the CLI publish under an id of their own. */
export async function publishReports(deps: PublishDeps, periodId: string, reportId: string = deps.newId()): Promise<ReportPublishedV1> {
  assertEnded(periodId, deps.today());
  const reports = await reportsFromStore(deps, periodId);
  const publicFiles = filesOf(reports.public);
  const committeeFiles = filesOf(reports.committee);
  // The pages and the files of both reports in one queue, a few at a time, each made as it is written and
  // let go once stored, so that a large period never holds all its files at once: each one in flight holds a
  // part buffer (object-store.ts), and the pages count among them (at 50,000 services two more buffers were
  // 10 MiB of a 256 MiB function's peak; a page under one part keeps its buffer until its commit). The pages go first, the longest to make, then the committee's
  // report.json, its longest file; neither report waits for the other's. The pages are staged: a reader sees
  // them only once every file is stored, or never if one fails.
  const writeAll = async (targets: Array<{ bucket: string; prefix: string; files: FileToPublish[] }>) => {
    const each = (page: boolean) =>
      targets.flatMap((t) => t.files.filter((f) => (f.name === 'index.html') === page).map((file) => ({ t, file, page })));
    const object = (file: FileToPublish) => ({ body: file.chunks(), contentType: file.contentType });
    const staged: StagedObject[] = [];
    try {
      await inTurns([...each(true), ...each(false)], async ({ t, file, page }) => {
        const key = `${t.prefix}${file.name}`;
        if (page) staged.push(await deps.objects.stage(t.bucket, key, object(file)));
        else await deps.objects.put(t.bucket, key, object(file));
      });
    } catch (error) {
      await Promise.all(staged.map((p) => p.discard()));
      throw error;
    }
    await Promise.all(staged.map((p) => p.commit()));
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
  if (latestOf([...published]) === periodId) {
    // latest/ holds the same bytes as the period's files just written: copied in the store, not made again.
    const copy = (f: FileToPublish) =>
      deps.objects.copy(deps.buckets.publicReports, `reports/${periodId}/${f.name}`, `reports/latest/${f.name}`, f.contentType);
    await inTurns(
      publicFiles.filter((f) => f.name !== 'index.html'),
      copy,
      COPIES_IN_FLIGHT,
    );
    await inTurns(
      publicFiles.filter((f) => f.name === 'index.html'),
      copy,
    );
  }
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
    { period: periodId, asOf: reports.public.json.asOf, files: publicFiles.map((f) => f.name) },
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
      publicKeys: publicFiles.map((f) => `reports/${periodId}/${f.name}`),
      committeeKeys: committeeFiles.map((f) => `committee/${periodId}/${f.name}`),
    },
  };
  await deps.projections.recordReport(event);
  return event;
}
