// Where the events of the feedback instrument, the maturity scan and the
// strategy's status changes live in the submissions table: each key is
// chosen so the projector can read back exactly what it recomputes from
// (one service's responses of one day; every version of one provider's
// report for one period).
import { isEvent, type AnyEvent, type EventOf } from '../../events/index.js';

export type FeedbackStrategyEvent = EventOf<'FeedbackGiven' | 'FeedbackReported' | 'MaturityScanned' | 'ActionStatusChanged'>;

export const feedbackResponsesPk = (organisationId: string, serviceId: string) => `FEEDBACK#${organisationId}#${serviceId}`;
/** Responses sort by day first: a day's responses are one key range. */
export const feedbackResponsePrefix = (givenOn: string) => `R#${givenOn}#`;
export const feedbackReportPk = (organisationId: string, period: string) => `FBREPORT#${organisationId}#${period}`;
export const versionSk = (version: number) => `V#${String(version).padStart(9, '0')}`;
export const maturityPk = (organisationId: string) => `MATURITY#${organisationId}`;

export function feedbackStrategyItemKey(event: AnyEvent): { pk: string; sk: string } | null {
  if (isEvent(event, 'FeedbackGiven')) {
    const p = event.payload;
    return {
      pk: feedbackResponsesPk(p.organisationId, p.serviceId),
      sk: `${feedbackResponsePrefix(p.givenOn)}${p.givenAt}#${p.responseId}`,
    };
  }
  if (isEvent(event, 'FeedbackReported')) {
    const p = event.payload;
    return { pk: feedbackReportPk(p.organisationId, p.period), sk: versionSk(p.version) };
  }
  if (isEvent(event, 'MaturityScanned')) {
    const p = event.payload;
    return { pk: maturityPk(p.organisationId), sk: `S#${p.year}#${p.submittedAt}#${p.scanId}` };
  }
  if (isEvent(event, 'ActionStatusChanged')) {
    const p = event.payload;
    const subject = p.subject === 'action' ? `ACTION#${String(p.action).padStart(2, '0')}` : `TOOL#${p.supportTool}`;
    return { pk: `STRATEGY#${subject}`, sk: `S#${p.recordedAt}#${p.changeId}` };
  }
  return null;
}
