// A provider pushes its feedback aggregates for a period from its own tool
// (design §2.1): its own organisation only, every count adding up, only
// known services; comments masked before storage. Per service and period the
// latest report replaces the earlier aggregate (and its comments).
import type { FeedbackReportedV1 } from '../../events/feedback-reported.js';
import type { Caller } from '../domain/access.js';
import { brusselsDate } from '../domain/today.js';
import { maskPersonalData } from '../domain/feedback/personal-data.js';
import { checkFeedbackAggregates } from '../domain/feedback/submissions.js';
import type { Problem } from '../domain/problems.js';
import { VersionRaceLost, type FeedbackStore } from '../adapters/feedback-store.js';
import type { ServiceDirectory } from '../adapters/service-directory.js';
import { knownService } from './known-service.js';
import { invalid, Refusal } from './refusal.js';

export interface ReportFeedbackDeps {
  feedback: FeedbackStore;
  services: ServiceDirectory;
  now: () => Date;
  newId: () => string;
}

export interface FeedbackReceipt {
  reportId: string;
  version: number;
}

/** Reports racing for the same organisation and period: the one that lost five times is told to try again. */
async function storeOrConflict<T>(store: () => Promise<T>): Promise<T> {
  try {
    return await store();
  } catch (err) {
    if (err instanceof VersionRaceLost)
      throw new Refusal('conflict', 'conflict', 'another report for this period is being stored; try again', [], 1);
    throw err;
  }
}

export async function reportFeedback(
  deps: ReportFeedbackDeps,
  caller: Caller,
  body: unknown,
): Promise<FeedbackReceipt & { organisationId: string; period: string; services: number; comments: number }> {
  const claimed = (body as { organisationId?: unknown } | null)?.organisationId;
  if (caller.role === 'service-provider' && claimed !== undefined && claimed !== caller.organisationId) {
    throw new Refusal('forbidden', 'forbidden', `this key may only report feedback for organisation ${caller.organisationId ?? '(none)'}`, [
      { path: 'organisationId', message: 'not the organisation of this key' },
    ]);
  }
  const now = deps.now();
  const checked = checkFeedbackAggregates(body, brusselsDate(now));
  if (!checked.ok) throw invalid('invalid_feedback', 'the feedback report', checked.problems);
  const { organisationId, period, services } = checked.value;
  const unknown: Problem[] = [];
  await Promise.all(
    services.map(async (s, i) => {
      if (!(await knownService(deps, organisationId, s.serviceId)))
        unknown.push({
          path: `services[${i}].serviceId`,
          message: `no assessment of service ${s.serviceId} of ${organisationId} is known`,
        });
    }),
  );
  if (unknown.length > 0)
    throw invalid(
      'invalid_feedback',
      'the feedback report',
      unknown.sort((a, b) => a.path.localeCompare(b.path)),
    );

  const submittedAt = now.toISOString();
  const reportId = deps.newId();
  const eventId = deps.newId();
  const masked = services.map((s) => (s.comments ?? []).map((c) => maskPersonalData(c).text));
  const commentIds = services.map((_, i) => (masked[i]!.length > 0 ? deps.newId() : undefined));
  const { version } = await storeOrConflict(() =>
    deps.feedback.putAggregates((v) => {
      const event: FeedbackReportedV1 = {
        metadata: { eventId, type: 'FeedbackReported', version: 1, occurredAt: submittedAt },
        payload: {
          reportId,
          version: v,
          organisationId,
          period,
          submittedAt,
          services: services.map((s, i) => ({
            serviceId: s.serviceId,
            responses: s.responses,
            ratings: s.ratings,
            ...(s.foundIt ? { foundIt: s.foundIt } : {}),
            comments: masked[i]!.length,
            ...(commentIds[i] ? { commentRef: commentIds[i] } : {}),
          })),
        },
      };
      const comments = services.flatMap((s, i) =>
        commentIds[i] ? [{ commentId: commentIds[i], serviceId: s.serviceId, period, reportId, version: v, texts: masked[i]! }] : [],
      );
      return { event, comments };
    }),
  );
  return { reportId, version, organisationId, period, services: services.length, comments: masked.flat().length };
}
