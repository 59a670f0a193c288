// The period's comments per service, as the committee's report shows them
// (and the yearly report counts them per provider): at most
// MAX_COMMENTS_SHOWN per service, newest first, with how many there were.
import { MAX_COMMENTS_SHOWN } from '../feedback/service-feedback.js';
import { describeOrganisation } from '../organisations.js';
import { serviceKey } from './feedback-input.js';
import type { PeriodSelection } from './period-selection.js';

export interface CommentShown {
  source: 'form' | 'aggregate';
  /** the day it was given (form) or received with its provider's report */
  receivedOn: string;
  /** the provider's reported period, for its comments */
  period: string | null;
  /** the score given with it, on the form */
  rating: number | null;
  text: string;
}

export interface ServiceComments {
  organisationId: string;
  organisationName: string;
  serviceId: string;
  serviceName: string;
  /** newest first, at most MAX_COMMENTS_SHOWN */
  comments: CommentShown[];
  /** every comment of the service in the period */
  total: number;
}

/** The anchor of an organisation's first comment, for the yearly report's link. */
export const commentsAnchor = (organisationId: string) => `opmerkingen-${organisationId}`;

/** The period's comments per service, by organisation then service (shared with the yearly report). */
export function commentsOf(selection: PeriodSelection): ServiceComments[] {
  const names = new Map(selection.all.map((s) => [serviceKey(s), s.name]));
  const out = new Map<string, ServiceComments>();
  for (const c of selection.comments) {
    const k = serviceKey(c);
    let s = out.get(k);
    if (!s) {
      s = {
        organisationId: c.organisationId,
        organisationName: describeOrganisation(c.organisationId, selection.organisations).name,
        serviceId: c.serviceId,
        serviceName: names.get(k) ?? c.serviceId,
        comments: [],
        total: 0,
      };
      out.set(k, s);
    }
    s.total += 1;
    if (s.comments.length < MAX_COMMENTS_SHOWN)
      s.comments.push({
        source: c.source,
        receivedOn: c.receivedOn,
        period: c.source === 'aggregate' ? c.period : null,
        rating: c.source === 'form' ? c.rating : null,
        text: c.text,
      });
  }
  return [...out.values()];
}
