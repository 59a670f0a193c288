// An e-loket operator reports its service counts for a period. The e-loket
// comes from the key; a new report for the same e-loket and period replaces
// the earlier one whole (a correction), as a new version. The same content as
// the current version is not a new version (design §3).
import type { Caller } from '../domain/access.js';
import { countsOverrides, periodsUnder, sameCounts, type CountsOverrides } from '../domain/counts-correction.js';
import type { Problem } from '../domain/problems.js';
import { validateServiceCounts, type CountRow } from '../domain/service-counts.js';
import type { EloketRegistry } from '../adapters/eloket-registry.js';
import type { OrganisationRegistry } from '../adapters/organisation-registry.js';
import { hashRequest, type IdempotencyClaim, type SubmissionStore } from '../adapters/submission-store.js';
import { invalid, Refusal } from './refusal.js';
import { keyReused } from './idempotent-submission.js';

export interface ReportServiceCountsDeps {
  submissions: SubmissionStore;
  eloketten: EloketRegistry;
  organisations: Pick<OrganisationRegistry, 'list'>;
  now: () => Date;
  newId: () => string;
  /** waits between attempts at a version (tests may pass a faster one) */
  sleep?: (ms: number) => Promise<void>;
}

export interface CountsReceipt {
  reportId: string;
  version: number;
  overrides?: CountsOverrides;
}

/** `stored`: a new version (201); `replayed` or `unchanged`: nothing new, the answer names the current version (200). */
export type CountsOutcome = 'stored' | 'replayed' | 'unchanged';

/**
 * How often a post tries again when the version it was given turns out taken:
 * that happens only in a true race (the same Idempotency-Key sent twice at
 * once); a post that keeps losing is told to try again (409 with Retry-After).
 */
export const MAX_VERSION_ATTEMPTS = 5;

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Organisation ids that differ from a registered one only by case (design §2.1, Identifiers). */
function caseMismatches(rows: readonly CountRow[], registered: readonly string[]): Problem[] {
  const exact = new Set(registered);
  const byLowerCase = new Map(registered.map((id) => [id.toLowerCase(), id]));
  const problems: Problem[] = [];
  rows.forEach((r, i) => {
    if (exact.has(r.organisationId)) return;
    const registeredId = byLowerCase.get(r.organisationId.toLowerCase());
    if (registeredId !== undefined)
      problems.push({
        path: `counts[${i}].organisationId`,
        message: `"${r.organisationId}" differs only by case from the registered organisation "${registeredId}"; use "${registeredId}"`,
      });
  });
  return problems;
}

export async function reportServiceCounts(
  deps: ReportServiceCountsDeps,
  caller: Caller,
  body: unknown,
  idempotencyKey?: string,
): Promise<{ outcome: CountsOutcome; result: CountsReceipt; eloket: string; period: string; rows: number }> {
  const claimed = (body as { eloket?: unknown } | null)?.eloket;
  if (caller.role === 'eloket-operator' && claimed !== undefined && claimed !== caller.eloketId) {
    throw new Refusal('forbidden', 'forbidden', `this key may only report for e-loket ${caller.eloketId ?? '(none)'}`, [
      { path: 'eloket', message: 'not the e-loket of this key' },
    ]);
  }
  const known = new Set((await deps.eloketten.list()).map((e) => e.id));
  const validation = validateServiceCounts(body, (id) => known.has(id));
  if (!validation.ok) {
    if (validation.tooMany) throw new Refusal('too_large', 'too_many_rows', validation.problems[0]!.message, validation.problems);
    throw invalid('invalid_service_counts', 'the report', validation.problems);
  }
  const eloket = caller.role === 'eloket-operator' ? caller.eloketId : validation.value.eloket;
  if (!eloket)
    throw new Refusal('invalid', 'invalid_service_counts', 'name the e-loket', [{ path: 'eloket', message: 'required with an admin key' }]);
  if (!known.has(eloket)) {
    throw new Refusal('invalid', 'invalid_service_counts', `unknown e-loket "${eloket}"`, [
      { path: 'eloket', message: `unknown e-loket "${eloket}"` },
    ]);
  }
  const { period, counts } = validation.value;
  const mismatches = caseMismatches(
    counts,
    (await deps.organisations.list()).map((o) => o.organisationId),
  );
  if (mismatches.length > 0) throw invalid('invalid_service_counts', 'the report', mismatches);

  // What this report stands over does not depend on the version it gets, so it is read once.
  const under = periodsUnder(period);
  const reportedUnder = under.length > 0 ? await deps.submissions.reportedCountsPeriods(eloket, under) : new Set<string>();
  const overrides = countsOverrides(period, (p) => reportedUnder.has(p));
  const receipt = (reportId: string, version: number): CountsReceipt => ({ reportId, version, ...(overrides ? { overrides } : {}) });
  const claim = (response: CountsReceipt): IdempotencyClaim | undefined =>
    idempotencyKey === undefined ? undefined : { scope: `eloket:${eloket}`, key: idempotencyKey, requestHash: hashRequest(body), response };
  const facts = { eloket, period, rows: counts.length };

  const submittedAt = deps.now().toISOString();
  const reportId = deps.newId();
  const eventId = deps.newId();
  const sleep = deps.sleep ?? defaultSleep;
  for (let attempt = 1; attempt <= MAX_VERSION_ATTEMPTS; attempt++) {
    const current = await deps.submissions.latestServiceCounts(eloket, period);
    if (current && sameCounts(current.payload.counts, counts)) {
      const result = receipt(current.payload.reportId, current.payload.version);
      const key = claim(result);
      const outcome = key ? await deps.submissions.claimIdempotency(key) : ({ kind: 'stored' } as const);
      if (outcome.kind === 'key-reused') throw keyReused();
      if (outcome.kind === 'replay') return { outcome: 'replayed', result: outcome.response as CountsReceipt, ...facts };
      return { outcome: 'unchanged', result, ...facts };
    }
    // A replay is answered before a version is allocated for it, so it leaves no gap in the versions.
    const earlier = claim(receipt(reportId, 0));
    const known = earlier ? await deps.submissions.checkIdempotency(earlier) : ({ kind: 'stored' } as const);
    if (known.kind === 'key-reused') throw keyReused();
    if (known.kind === 'replay') return { outcome: 'replayed', result: known.response as CountsReceipt, ...facts };
    // Racing corrections each get their own version from the counter; the highest is the current one.
    const version = await deps.submissions.nextCountsVersion(eloket, period, current?.payload.version ?? 0);
    const result = receipt(reportId, version);
    const outcome = await deps.submissions.appendServiceCounts(
      {
        metadata: { eventId, type: 'ServiceCountsReported', version: 1, occurredAt: submittedAt },
        payload: { reportId, version, eloket, period, submittedAt, counts },
      },
      claim(result),
    );
    if (outcome.kind === 'stored') return { outcome: 'stored', result, ...facts };
    if (outcome.kind === 'key-reused') throw keyReused();
    if (outcome.kind === 'replay') return { outcome: 'replayed', result: outcome.response as CountsReceipt, ...facts };
    // The version was taken after all (the same idempotency key at the same instant, or a counter
    // behind the table): wait a little, at random so racing posts spread out, and read again.
    await sleep(Math.random() * Math.min(200, 10 * 2 ** Math.min(attempt, 5)));
  }
  throw new Refusal(
    'conflict',
    'concurrent_correction',
    `other corrections of ${period} for ${eloket} were stored at the same time; send yours again`,
    [],
    1,
  );
}
