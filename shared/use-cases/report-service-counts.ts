// An e-loket operator reports its service counts for a period. The e-loket
// comes from the key; a new report for the same e-loket and period replaces
// the earlier one whole (a correction), as a new version.
import type { Caller } from '../domain/access.js';
import { validateServiceCounts } from '../domain/service-counts.js';
import type { EloketRegistry } from '../adapters/eloket-registry.js';
import { hashRequest, type SubmissionStore } from '../adapters/submission-store.js';
import { invalid, Refusal } from './refusal.js';
import { keyReused, type Submitted } from './submit-assessment.js';

export interface ReportServiceCountsDeps {
  submissions: SubmissionStore;
  eloketten: EloketRegistry;
  now: () => Date;
  newId: () => string;
}

export interface CountsReceipt {
  reportId: string;
  version: number;
}

export async function reportServiceCounts(
  deps: ReportServiceCountsDeps,
  caller: Caller,
  body: unknown,
  idempotencyKey?: string,
): Promise<Submitted<CountsReceipt> & { eloket: string; period: string; rows: number }> {
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
  const submittedAt = deps.now().toISOString();
  const reportId = deps.newId();
  const eventId = deps.newId();
  const outcome = await deps.submissions.putServiceCounts((version) => ({
    event: {
      metadata: { eventId, type: 'ServiceCountsReported', version: 1, occurredAt: submittedAt },
      payload: { reportId, version, eloket, period, submittedAt, counts },
    },
    ...(idempotencyKey === undefined
      ? {}
      : {
          idempotency: { scope: `eloket:${eloket}`, key: idempotencyKey, requestHash: hashRequest(body), response: { reportId, version } },
        }),
  }));
  if (outcome.kind === 'key-reused') throw keyReused();
  const facts = { eloket, period, rows: counts.length };
  if (outcome.kind === 'replay') return { replayed: true, result: outcome.response as CountsReceipt, ...facts };
  return { replayed: false, result: { reportId, version: outcome.version! }, ...facts };
}
