// One response from the public form (design §2.1): within the client's limit
// per service, its comment masked before it is stored, the response and its
// comment written together. The caller has checked the response and that the
// service is known.
import type { FeedbackGivenV1 } from '../../events/feedback-given.js';
import { brusselsDate } from '../domain/today.js';
import { maskPersonalData, type MaskKind } from '../domain/feedback/personal-data.js';
import type { FeedbackResponse } from '../domain/feedback/submissions.js';
import type { ClientRateLimiter } from '../adapters/client-rate-limiter.js';
import type { FeedbackStore } from '../adapters/feedback-store.js';
import type { KnownService } from './known-service.js';

export interface GiveFeedbackDeps {
  feedback: FeedbackStore;
  clients: ClientRateLimiter;
  now: () => Date;
  newId: () => string;
}

export type GiveFeedbackOutcome =
  { kind: 'stored'; responseId: string; masked: Record<MaskKind, number> } | { kind: 'limited'; retryAfterSeconds: number };

export async function giveFeedback(
  deps: GiveFeedbackDeps,
  service: KnownService,
  client: string,
  response: FeedbackResponse,
): Promise<GiveFeedbackOutcome> {
  const decision = await deps.clients.admit(client, service.organisationId, service.serviceId);
  if (!decision.ok) return { kind: 'limited', retryAfterSeconds: decision.retryAfterSeconds };
  const now = deps.now();
  const givenAt = now.toISOString();
  const responseId = deps.newId();
  const masked = response.comment === undefined ? null : maskPersonalData(response.comment);
  const comment = masked ? { commentId: deps.newId(), text: masked.text } : null;
  const event: FeedbackGivenV1 = {
    metadata: { eventId: deps.newId(), type: 'FeedbackGiven', version: 1, occurredAt: givenAt },
    payload: {
      responseId,
      organisationId: service.organisationId,
      serviceId: service.serviceId,
      givenAt,
      givenOn: brusselsDate(now),
      rating: response.rating,
      ...(response.foundIt ? { foundIt: response.foundIt } : {}),
      ...(comment ? { commentRef: comment.commentId } : {}),
    },
  };
  await deps.feedback.putResponse(event, comment);
  return { kind: 'stored', responseId, masked: masked?.counts ?? { email: 0, phone: 0, nationalNumber: 0 } };
}
