// The trend's quarters each select a service's values as of their own end
// (shared/domain/operational/values.ts); a service whose assessments did not
// change between quarters shares one entry (its values), not a copy per quarter,
// and the history keeps per service only the rows some quarter rests on.
import { describe, expect, it } from 'vitest';
import type { AssessmentRow } from '../../shared/domain/assessment-row.js';
import { QuarterHistory, ValuesAsOf } from '../../shared/domain/operational/values.js';
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

  it('give each quarter what its own selection gives, whatever order the rows come in', () => {
    // Out of order, the last quarter cut at a period's end before its own.
    const days = [
      { quarter: '2026-Q2', asOf: '2026-06-30' },
      { quarter: '2025-Q4', asOf: '2025-12-31' },
      { quarter: '2026-Q3', asOf: '2026-08-15' },
      { quarter: '2026-Q1', asOf: '2026-03-31' },
    ];
    const at = (serviceId: string, id: string, phase: 'pre' | 'post', assessedOn: string, submittedAt: string, n: number) =>
      rowOf(
        stored(id, submittedAt, {
          organisationId: serviceId === 'b' ? 'OVO1' : 'OVO2',
          serviceId,
          phase,
          assessedOn,
          service: { name: `Dienst ${id}`, targetGroups: n % 3 === 0 ? ['burgers'] : ['ondernemers', 'burgers'], eloketten: [] },
          ...(n % 4 === 3 ? {} : { measures: { processSteps: n } }),
        }),
      );
    const rows: AssessmentRow[] = [
      // pres in three quarters, a resubmission of one (same day, later), a post
      at('a', 'a1', 'pre', '2025-11-02', '2025-11-03T00:00:00.000Z', 1),
      at('a', 'a2', 'pre', '2026-02-10', '2026-02-11T00:00:00.000Z', 2),
      at('a', 'a3', 'pre', '2026-02-10', '2026-02-20T00:00:00.000Z', 3),
      at('a', 'a4', 'pre', '2026-01-05', '2026-03-01T00:00:00.000Z', 4),
      at('a', 'a5', 'post', '2026-05-01', '2026-05-02T00:00:00.000Z', 5),
      at('a', 'a6', 'pre', '2026-06-30', '2026-07-01T00:00:00.000Z', 6),
      // a post only, then one after every quarter's end (never counted)
      at('b', 'b1', 'post', '2026-08-15', '2026-08-16T00:00:00.000Z', 7),
      at('b', 'b2', 'post', '2026-08-16', '2026-08-17T00:00:00.000Z', 8),
      // only after every end: no entry anywhere
      at('c', 'c1', 'pre', '2026-09-01', '2026-09-02T00:00:00.000Z', 9),
      // posts in one stretch submitted out of order, and a pre after them
      at('d', 'd1', 'post', '2026-04-01', '2026-04-09T00:00:00.000Z', 10),
      at('d', 'd2', 'post', '2026-05-01', '2026-05-01T00:00:00.000Z', 11),
      at('d', 'd3', 'post', '2026-04-20', '2026-06-01T00:00:00.000Z', 12),
      at('d', 'd4', 'pre', '2026-07-01', '2026-07-01T00:00:00.000Z', 13),
    ];
    for (const order of [rows, [...rows].reverse(), rows.filter((_, i) => i % 2 === 0).concat(rows.filter((_, i) => i % 2 === 1))]) {
      const history = new QuarterHistory(days);
      for (const r of order) history.addAssessment(r);
      const got = history.result();
      expect(got.map((q) => [q.quarter, q.asOf])).toEqual(days.map((d) => [d.quarter, d.asOf]));
      for (const [i, d] of days.entries()) {
        const own = new ValuesAsOf(d.asOf);
        for (const r of order) own.addAssessment(r);
        expect(got[i]!.services).toEqual(own.result());
        expect(got[i]!.newestSubmission).toBe(own.newestSubmission());
      }
      // Spot checks, so the comparison is not of two empty lists.
      expect(got[2]!.services.map((s) => [s.serviceId, s.values.processSteps?.value, s.values.processSteps?.forecast])).toEqual([
        ['b', undefined, undefined],
        ['a', 5, false],
        ['d', 13, true],
      ]);
      expect(got[1]!.services.map((s) => s.serviceId)).toEqual(['a']);
      expect(got[2]!.newestSubmission).toBe('2026-08-16T00:00:00.000Z');
    }
  });

  it('give services without measures one shared, frozen set of values', () => {
    const history = new QuarterHistory([{ quarter: '2026-Q3', asOf: '2026-09-30' }]);
    history.addAssessment(rowOf(stored('x', '2026-08-02T00:00:00.000Z', { serviceId: 'x', phase: 'post', assessedOn: '2026-08-01' })));
    history.addAssessment(rowOf(stored('y', '2026-08-02T00:00:00.000Z', { serviceId: 'y', phase: 'pre', assessedOn: '2026-08-01' })));
    const [x, y] = history.result()[0]!.services;
    expect(x!.values).toEqual({});
    expect(y!.values).toBe(x!.values);
    expect(Object.isFrozen(x!.values)).toBe(true);
  });
});
