// Erasing a service's comments at once (design §2.1), all of them or those
// received before a day. The figures stay: they hold no comment. Then every
// published period whose committee report may have shown one of them is
// republished (its reports are rebuilt from what is stored now, so without
// the erased comments), and the older versions of its committee files are
// deleted: in AWS the buckets keep every version of a file.
//
// The periods to republish are worked out from the comments' dates before
// they are deleted, and kept in the erasure log until every one is done:
// erasing again after a failure halfway finishes the job.
import { periodsShowing } from '../domain/feedback/erasure.js';
import { isoDateSchema, organisationIdSchema, slugSchema } from '../domain/vocabulary.js';
import type { CommentStore } from '../adapters/comment-store.js';
import type { ErasureLog } from '../adapters/erasure-log.js';
import { publishReports, type PublishDeps } from './publish-reports.js';
import { Refusal } from './refusal.js';

export interface EraseDeps {
  comments: CommentStore;
  erasures: ErasureLog;
  /** what republishing a period's reports needs (its `now` dates the erasure log too) */
  publish: PublishDeps;
}

export interface Erased {
  items: number;
  comments: number;
  /** the periods whose reports were republished, oldest first */
  republished: string[];
  /** older versions of committee files deleted */
  versionsDeleted: number;
}

export async function eraseComments(
  deps: EraseDeps,
  o: { organisationId: string; serviceId: string; before?: string | undefined },
  progress: (line: string) => void = () => undefined,
): Promise<Erased> {
  const problems = [
    ...(organisationIdSchema.safeParse(o.organisationId).success ? [] : [{ path: 'org', message: 'not a valid organisation id' }]),
    ...(slugSchema.safeParse(o.serviceId).success ? [] : [{ path: 'service', message: 'not a valid service id' }]),
    ...(o.before === undefined || isoDateSchema.safeParse(o.before).success ? [] : [{ path: 'before', message: 'a date is YYYY-MM-DD' }]),
  ];
  if (problems.length > 0) throw new Refusal('invalid', 'invalid_request', 'nothing was erased', problems);

  const [erasable, pending, reports] = await Promise.all([
    deps.comments.erasable(o.organisationId, o.serviceId, o.before),
    deps.erasures.pending(o.organisationId, o.serviceId),
    deps.publish.projections.listReports(),
  ]);
  const showing = periodsShowing(
    reports.map((r) => r.payload.period),
    erasable,
  );
  const periods = [...new Set([...pending, ...showing])].sort();
  // Recorded before anything is deleted: afterwards, the comments' dates are gone.
  if (periods.length > 0) await deps.erasures.record(o.organisationId, o.serviceId, periods, deps.publish.now());
  const erased = await deps.comments.erase(o.organisationId, o.serviceId, o.before);

  const { objects, buckets } = deps.publish;
  let versionsDeleted = 0;
  for (const period of periods) {
    const published = await publishReports(deps.publish, period);
    // Every committee file of the period, also one a former version of the code wrote and this one no longer does.
    const keys = new Set([...published.payload.committeeKeys, ...(await objects.list(buckets.committeeReports, `committee/${period}/`))]);
    let deleted = 0;
    for (const key of [...keys].sort()) deleted += await objects.deleteNoncurrentVersions(buckets.committeeReports, key);
    versionsDeleted += deleted;
    progress(`republished the reports of ${period}; deleted ${deleted} older version(s) of its committee files`);
  }
  if (periods.length > 0) await deps.erasures.done(o.organisationId, o.serviceId);
  return { ...erased, republished: periods, versionsDeleted };
}
