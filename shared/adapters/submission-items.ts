// A stored submission *is* its event: one item per event in the submissions
// table, whose stream record decodes back into the typed event.
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { parseEvent } from '../../events/index.js';
import type { AssessmentSubmittedV1 } from '../../events/assessment-submitted.js';
import type { ReportRequestedV1 } from '../../events/report-requested.js';
import type { ServiceCountsReportedV1 } from '../../events/service-counts-reported.js';
import { decodeJson, encodeJson } from './json-attribute.js';

export type SubmissionEvent = AssessmentSubmittedV1 | ServiceCountsReportedV1 | ReportRequestedV1;

export const servicePk = (organisationId: string, serviceId: string) => `SVC#${organisationId}#${serviceId}`;
export const countsPk = (eloket: string, period: string) => `COUNTS#${eloket}#${period}`;
export const countsSk = (version: number) => `V#${String(version).padStart(9, '0')}`;

export function itemKeyOf(event: SubmissionEvent): { pk: string; sk: string } {
  switch (event.metadata.type) {
    case 'AssessmentSubmitted': {
      const p = event.payload as AssessmentSubmittedV1['payload'];
      return { pk: servicePk(p.submission.organisationId, p.submission.serviceId), sk: `A#${p.submittedAt}#${p.assessmentId}` };
    }
    case 'ServiceCountsReported': {
      const p = event.payload as ServiceCountsReportedV1['payload'];
      return { pk: countsPk(p.eloket, p.period), sk: countsSk(p.version) };
    }
    case 'ReportRequested': {
      const p = event.payload as ReportRequestedV1['payload'];
      return { pk: `REPORT#${p.period}`, sk: `R#${event.metadata.occurredAt}#${p.reportId}` };
    }
  }
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

export function itemToEvent(item: Record<string, AttributeValue>): ReturnType<typeof parseEvent> {
  const s = (name: string) => item[name]?.S;
  return parseEvent({
    metadata: { eventId: s('eventId'), type: s('type'), version: Number(item.version?.N), occurredAt: s('occurredAt') },
    payload: decodeJson(item.payload),
  });
}
