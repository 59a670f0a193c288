// The trend's quarters each select a service's values as of their own end
// (shared/domain/operational/values.ts); a service whose assessments did not
// change between quarters shares one entry (its values), not a copy per quarter.
import { describe, expect, it } from 'vitest';
import { QuarterHistory } from '../../shared/domain/operational/values.js';
import { rowOf, stored } from '../support/report-input.js';

const measured = (id: string, phase: 'pre' | 'post', assessedOn: string, processSteps: number) =>
  rowOf(stored(id, `${assessedOn}T10:00:00.000Z`, { serviceId: 'vergunning', phase, assessedOn, measures: { processSteps } }));

describe('the quarters of a trend', () => {
  it('give each quarter the values as of its end, shared between the quarters in which nothing changed', () => {
    const history = new QuarterHistory([
      { quarter: '2026-Q1', asOf: '2026-03-31' },
      { quarter: '2026-Q2', asOf: '2026-06-30' },
      { quarter: '2026-Q3', asOf: '2026-09-30' },
      { quarter: '2026-Q4', asOf: '2026-12-31' },
    ]);
    const pre = measured('a1', 'pre', '2026-02-10', 9);
    const post = measured('a2', 'post', '2026-08-20', 5);
    history.addAssessment(pre);
    history.addAssessment(post);
    const [q1, q2, q3, q4] = history.result().map((q) => q.services[0]!);
    expect(q1!.values).toEqual({ processSteps: { value: 9, forecast: true, assessedOn: '2026-02-10' } });
    expect(q3!.values).toEqual({ processSteps: { value: 5, forecast: false, assessedOn: '2026-08-20' } });
    expect(q2!.values).toBe(q1!.values);
    expect(q4!.values).toBe(q3!.values);
    expect(q3!.values).not.toBe(q2!.values);
    // The row's own list of target groups, not a copy per quarter.
    expect(q4!.targetGroups).toBe(post.service.targetGroups);
    // The quarters in which nothing changed share the service's whole entry, frozen.
    expect(q2).toBe(q1);
    expect(q4).toBe(q3);
    expect(q3).toEqual({
      organisationId: post.organisationId,
      serviceId: 'vergunning',
      targetGroups: post.service.targetGroups,
      values: q3!.values,
    });
    expect(Object.isFrozen(q3)).toBe(true);
  });
});
