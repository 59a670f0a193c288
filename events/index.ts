// The event catalog: every (type, version) this system writes or has written.
// Old versions stay here so stored and in-flight events remain parseable;
// readers narrow an event with `isEvent` and upcast older versions.
import * as z from 'zod';
import { ActionStatusChangedV1 } from './action-status-changed.js';
import { AssessmentSubmittedV1, AssessmentSubmittedV2 } from './assessment-submitted.js';
import { DecisionRecordedV1 } from './decision-recorded.js';
import { FeedbackGivenV1 } from './feedback-given.js';
import { FeedbackReportedV1 } from './feedback-reported.js';
import { MaturityScannedV1 } from './maturity-scanned.js';
import { PlanSubmittedV1 } from './plan-submitted.js';
import { ReportPublishedV1 } from './report-published.js';
import { ReportRequestedV1 } from './report-requested.js';
import { ServiceCountsReportedV1 } from './service-counts-reported.js';

export {
  AssessmentSubmittedV1,
  AssessmentSubmittedV2,
  DecisionRecordedV1,
  PlanSubmittedV1,
  ReportPublishedV1,
  ReportRequestedV1,
  ServiceCountsReportedV1,
};
export { ActionStatusChangedV1, FeedbackGivenV1, FeedbackReportedV1, MaturityScannedV1 };

export const EVENT_DEFINITIONS = [
  AssessmentSubmittedV1,
  AssessmentSubmittedV2,
  ServiceCountsReportedV1,
  ReportRequestedV1,
  ReportPublishedV1,
  PlanSubmittedV1,
  DecisionRecordedV1,
  FeedbackGivenV1,
  FeedbackReportedV1,
  MaturityScannedV1,
  ActionStatusChangedV1,
] as const;

/** Every event of every version, as parsed. */
export type AnyEvent = z.infer<(typeof EVENT_DEFINITIONS)[number]['schema']>;
export type EventType = AnyEvent['metadata']['type'];
export type EventOf<T extends EventType> = Extract<AnyEvent, { metadata: { type: T } }>;

export class UnknownEventError extends Error {}

export function parseEvent(value: unknown): AnyEvent {
  const meta = (value as { metadata?: { type?: unknown; version?: unknown } } | null)?.metadata;
  const def = EVENT_DEFINITIONS.find((d) => d.type === meta?.type && d.version === meta?.version);
  if (!def) throw new UnknownEventError(`unknown event ${String(meta?.type)}.v${String(meta?.version)}`);
  return def.schema.parse(value);
}

/** Narrows an event to one type (any of its versions) by its metadata. */
export function isEvent<T extends EventType>(event: AnyEvent, type: T): event is EventOf<T> {
  return event.metadata.type === type;
}

/** JSON Schema of every event version, generated from the zod schemas (checked in under events/schemas/). */
export function eventJsonSchemas(): Record<string, unknown> {
  return Object.fromEntries(EVENT_DEFINITIONS.map((d) => [d.name, z.toJSONSchema(d.schema, { io: 'input' })]));
}
