// A stored submission *is* its event: one item per event in the submissions
// table, whose stream record decodes back into the typed event.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { isEvent, parseEvent, type AnyEvent, type EventOf, type EventType } from '../../events/index.js';
import { currentCorrelationId } from './correlation.js';
import { feedbackStrategyItemKey, type FeedbackStrategyEvent } from './feedback-strategy-items.js';
import { decodeJson, encodeJson } from './json-attribute.js';

/** The events stored in the submissions table (a published report is recorded elsewhere). */
export type SubmissionEvent =
  | EventOf<'AssessmentSubmitted' | 'ServiceCountsReported' | 'ReportRequested' | 'PlanSubmitted' | 'DecisionRecorded'>
  | FeedbackStrategyEvent;

export const servicePk = (organisationId: string, serviceId: string) => `SVC#${organisationId}#${serviceId}`;
export const countsPk = (eloket: string, period: string) => `COUNTS#${eloket}#${period}`;
export const planPk = (organisationId: string, year: number) => `PLAN#${organisationId}#${year}`;
/** a version's sort key: zero-padded, so the newest sorts last */
export const versionSk = (version: number) => `V#${String(version).padStart(9, '0')}`;
export const countsSk = versionSk;

/** A stored assessment's key: its service's, then when it was submitted and its id (what a projection row holds). */
export interface AssessmentIds {
  assessmentId: string;
  organisationId: string;
  serviceId: string;
  submittedAt: string;
}
export const assessmentKey = (a: AssessmentIds): { pk: string; sk: string } => ({
  pk: servicePk(a.organisationId, a.serviceId),
  sk: `A#${a.submittedAt}#${a.assessmentId}`,
});

export function itemKeyOf(event: SubmissionEvent): { pk: string; sk: string } {
  if (isEvent(event, 'AssessmentSubmitted')) {
    const p = event.payload;
    return assessmentKey({ ...p, organisationId: p.submission.organisationId, serviceId: p.submission.serviceId });
  }
  if (isEvent(event, 'ServiceCountsReported')) {
    const p = event.payload;
    return { pk: countsPk(p.eloket, p.period), sk: countsSk(p.version) };
  }
  if (isEvent(event, 'PlanSubmitted')) {
    return { pk: planPk(event.payload.organisationId, event.payload.year), sk: versionSk(event.payload.version) };
  }
  if (isEvent(event, 'DecisionRecorded')) {
    // Beside the service's assessments: reading a service reads its decisions too.
    const p = event.payload;
    return { pk: servicePk(p.organisationId, p.serviceId), sk: `D#${p.recordedAt}#${p.decisionId}` };
  }
  if (isEvent(event, 'ReportRequested')) {
    return { pk: `REPORT#${event.payload.period}`, sk: `R#${event.metadata.occurredAt}#${event.payload.reportId}` };
  }
  const key = feedbackStrategyItemKey(event);
  if (key) return key;
  throw new Error(`${(event as AnyEvent).metadata.type} is not stored in the submissions table`);
}

/**
 * The item as the document client writes it. The correlation id of the
 * request that stored it stands beside the event, never inside the frozen
 * payload: the stream consumers log with it (design §5, operable).
 */
export function eventToItem(event: SubmissionEvent, correlationId: string | undefined = currentCorrelationId()): Record<string, unknown> {
  return {
    ...itemKeyOf(event),
    type: event.metadata.type,
    version: event.metadata.version,
    eventId: event.metadata.eventId,
    occurredAt: event.metadata.occurredAt,
    payload: encodeJson(event.payload),
    ...(correlationId === undefined ? {} : { correlationId }),
  };
}

/** The correlation id stored beside an event, if any. */
export function correlationIdOf(image: Record<string, AttributeValue> | undefined): string | undefined {
  const v = image?.correlationId;
  return v && 'S' in v && typeof v.S === 'string' ? v.S : undefined;
}

/** The item in DynamoDB's own attribute format (what a stream record's NewImage holds). */
export const eventToAttributes = (event: SubmissionEvent): Record<string, AttributeValue> => marshall(eventToItem(event));

export function itemToEvent(item: Record<string, unknown>): AnyEvent {
  return parseEvent({
    metadata: { eventId: item.eventId, type: item.type, version: Number(item.version), occurredAt: item.occurredAt },
    payload: decodeJson(item.payload),
  });
}

/** The event a stream record carries. A Lambda event gives binary attributes as base64 text. */
export function streamImageToEvent(image: Record<string, AttributeValue>): AnyEvent {
  const payload = image.payload as { B?: unknown } | undefined;
  const fixed = typeof payload?.B === 'string' ? { ...image, payload: { B: Buffer.from(payload.B, 'base64') } } : image;
  return itemToEvent(unmarshall(fixed as Record<string, AttributeValue>));
}

/** The stored event, which must be of `type` (the key it was read under says so). */
export function itemToEventOf<T extends EventType>(item: Record<string, unknown>, type: T): EventOf<T> {
  const event = itemToEvent(item);
  if (!isEvent(event, type)) throw new Error(`expected ${type}, found ${event.metadata.type}`);
  return event;
}
