// A stored submission *is* its event: one item per event in the submissions
// table, whose stream record decodes back into the typed event.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { isEvent, parseEvent, type AnyEvent, type EventOf, type EventType } from '../../events/index.js';
import { decodeJson, encodeJson } from './json-attribute.js';

/** The events stored in the submissions table (a published report is recorded elsewhere). */
export type SubmissionEvent = EventOf<'AssessmentSubmitted' | 'ServiceCountsReported' | 'ReportRequested'>;

export const servicePk = (organisationId: string, serviceId: string) => `SVC#${organisationId}#${serviceId}`;
export const countsPk = (eloket: string, period: string) => `COUNTS#${eloket}#${period}`;
export const countsSk = (version: number) => `V#${String(version).padStart(9, '0')}`;

export function itemKeyOf(event: SubmissionEvent): { pk: string; sk: string } {
  if (isEvent(event, 'AssessmentSubmitted')) {
    const p = event.payload;
    return { pk: servicePk(p.submission.organisationId, p.submission.serviceId), sk: `A#${p.submittedAt}#${p.assessmentId}` };
  }
  if (isEvent(event, 'ServiceCountsReported')) {
    const p = event.payload;
    return { pk: countsPk(p.eloket, p.period), sk: countsSk(p.version) };
  }
  if (isEvent(event, 'ReportRequested')) {
    return { pk: `REPORT#${event.payload.period}`, sk: `R#${event.metadata.occurredAt}#${event.payload.reportId}` };
  }
  throw new Error(`${(event as AnyEvent).metadata.type} is not stored in the submissions table`);
}

export function eventToItem(event: SubmissionEvent): Record<string, AttributeValue> {
  return {
    ...marshall({
      ...itemKeyOf(event),
      type: event.metadata.type,
      version: event.metadata.version,
      eventId: event.metadata.eventId,
      occurredAt: event.metadata.occurredAt,
    }),
    payload: encodeJson(event.payload),
  };
}

export function itemToEvent(item: Record<string, AttributeValue>): AnyEvent {
  const s = (name: string) => item[name]?.S;
  return parseEvent({
    metadata: { eventId: s('eventId'), type: s('type'), version: Number(item.version?.N), occurredAt: s('occurredAt') },
    payload: decodeJson(item.payload),
  });
}

/** The stored event, which must be of `type` (the key it was read under says so). */
export function itemToEventOf<T extends EventType>(item: Record<string, AttributeValue>, type: T): EventOf<T> {
  const event = itemToEvent(item);
  if (!isEvent(event, type)) throw new Error(`expected ${type}, found ${event.metadata.type}`);
  return event;
}
