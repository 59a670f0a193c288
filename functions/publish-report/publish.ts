// Publishing a period's reports so that a reader never sees half of one: every
// file of the period first, then `latest/`, then the index; the record of the
// publication last. A failure anywhere throws, leaves what was published
// before in place, and the trigger retries.
import { buildReports, type Report } from '../../shared/domain/report/report-model.js';
import { reportPage, reportsIndexPage } from '../../shared/domain/report/pages.js';
import type { Audience } from '../../shared/domain/report/sections/section.js';
import type { EloketRegistry } from '../../shared/adapters/eloket-registry.js';
import type { OrganisationRegistry } from '../../shared/adapters/organisation-registry.js';
import { parsePeriod } from '../../shared/domain/periods.js';
import type { ObjectStore, StoredObject } from '../../shared/adapters/object-store.js';
import type { ProjectionStore } from '../../shared/adapters/projection-store.js';
import type { ReportPublishedV1 } from '../../events/report-published.js';

export interface PublishDeps {
  projections: ProjectionStore;
  eloketten: EloketRegistry;
  organisations: OrganisationRegistry;
  objects: ObjectStore;
  buckets: { publicReports: string; committeeReports: string };
  codeVersion: string;
  newId: () => string;
  now: () => Date;
}

const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const CSV = 'text/csv; charset=utf-8';

const jsonOf = (v: unknown) => `${JSON.stringify(v)}\n`;

/** A report's files: report.json, each section's CSV files in registry order, and last the page that links to them. */
function filesOf(report: Report<Audience>): Record<string, StoredObject> {
  const files: Record<string, StoredObject> = { 'report.json': { body: jsonOf(report.json), contentType: JSON_TYPE } };
  for (const section of report.sections) for (const { name, body } of section.files(report.page)) files[name] = { body, contentType: CSV };
  files['index.html'] = { body: reportPage(report), contentType: HTML };
  return files;
}

/** The period that ends last; on a tie the longer one (a year over its last quarter). */
function latestOf(periods: readonly string[]): string | undefined {
  return [...periods].sort((a, b) => {
    const pa = parsePeriod(a)!;
    const pb = parsePeriod(b)!;
    return pb.end.localeCompare(pa.end) || pa.start.localeCompare(pb.start);
  })[0];
}

export async function publishReports(deps: PublishDeps, periodId: string, reportId: string = deps.newId()): Promise<ReportPublishedV1> {
  const [services, eloketten, organisations] = await Promise.all([
    deps.projections.listServices(),
    deps.eloketten.list(),
    deps.organisations.list(),
  ]);
  const withCounts = await Promise.all(
    eloketten.map(async (e) => ({ ...e, reported: new Map((await deps.projections.listCounts(e.id)).map((c) => [c.period, c])) })),
  );
  const reports = buildReports({
    periodId,
    codeVersion: deps.codeVersion,
    services,
    eloketten: withCounts,
    organisations: new Map(organisations.map((o) => [o.organisationId, o])),
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

  const published = new Set((await deps.projections.listReports()).map((r) => r.payload.period));
  published.add(periodId);
  if (latestOf([...published]) === periodId)
    await writeAll([{ bucket: deps.buckets.publicReports, prefix: 'reports/latest/', files: publicFiles }]);
  await deps.objects.put(deps.buckets.publicReports, 'reports/index.html', { body: reportsIndexPage([...published]), contentType: HTML });

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
