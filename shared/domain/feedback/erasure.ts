// Which published reports an erasure must republish (design §2.1): the
// committee's report of a period shows the comments given in it (form) and
// those reported for a period inside it (a provider's). Worked out from the
// comments' dates, before they are deleted: a report that did not show one
// (it had expired by then) is republished too, which changes nothing else.
import { parsePeriod } from '../periods.js';

/** A comment item as erasure sees it: where it could have been shown, never what it says. */
export type ErasableComment = { source: 'form'; receivedOn: string } | { source: 'aggregate'; receivedOn: string; period: string };

/** The published periods whose committee report may have shown one of the comments, in the order given. */
export function periodsShowing(published: readonly string[], comments: readonly ErasableComment[]): string[] {
  return published.filter((id) => {
    const p = parsePeriod(id);
    if (!p) return false;
    return comments.some((c) => {
      if (c.source === 'form') return c.receivedOn >= p.start && c.receivedOn <= p.end;
      const q = parsePeriod(c.period);
      return q !== undefined && q.start >= p.start && q.end <= p.end;
    });
  });
}
