// The lifecycle rules of design §2 and §2.1, each alone, without any stand-in.
import { describe, expect, it } from 'vitest';
import { agendaOf, expiringDerogations, type AgendaCandidate, type DecisionFact } from '../../shared/domain/lifecycle/agenda.js';
import { validateDecision } from '../../shared/domain/lifecycle/decision.js';
import { headline, headlineClass } from '../../shared/domain/lifecycle/headline.js';
import { owedAssessments, type OwedInput } from '../../shared/domain/lifecycle/owed.js';
import { validatePlan } from '../../shared/domain/lifecycle/plan.js';
import type { Band, Bands } from '../../shared/domain/scoring.js';
import { addDays, brusselsDate } from '../../shared/domain/today.js';

const base: OwedInput = { significance: true, plan: null, firstSeen: null, pre: null, post: null };

describe('owed assessments (one rule)', () => {
  it('owes the pre from the plan start, never before', () => {
    const s = { ...base, plan: { startsOn: '2026-03-01', goLiveOn: '2026-12-01' } };
    expect(owedAssessments(s, '2026-02-28')).toEqual({ owes: [], goLiveUnknown: false });
    expect(owedAssessments(s, '2026-03-01')).toEqual({ owes: [{ phase: 'pre', since: '2026-03-01' }], goLiveUnknown: false });
  });

  it('without a plan, owes the pre from the day the service was first seen', () => {
    const s = { ...base, firstSeen: '2026-05-10', post: { assessedOn: '2026-05-10' } };
    expect(owedAssessments(s, '2026-06-30').owes).toEqual([{ phase: 'pre', since: '2026-05-10' }]);
  });

  it('owes the post 90 days after go-live, that day included', () => {
    const s = { ...base, plan: { startsOn: '2026-01-05', goLiveOn: '2026-04-01' }, pre: { assessedOn: '2026-01-10' } };
    expect(addDays('2026-04-01', 90)).toBe('2026-06-30');
    expect(owedAssessments(s, '2026-06-29').owes).toEqual([]);
    expect(owedAssessments(s, '2026-06-30').owes).toEqual([{ phase: 'post', since: '2026-06-30' }]);
    expect(owedAssessments({ ...s, post: { assessedOn: '2026-07-01' } }, '2026-12-31').owes).toEqual([]);
  });

  it('takes the go-live date from the latest assessment when there is no plan, and says when it is unknown', () => {
    const s = { ...base, firstSeen: '2026-01-10', pre: { assessedOn: '2026-01-10' } };
    expect(owedAssessments(s, '2026-12-31')).toEqual({ owes: [], goLiveUnknown: true });
    expect(owedAssessments({ ...s, assessedGoLiveOn: '2026-02-01' }, '2026-12-31')).toEqual({
      owes: [{ phase: 'post', since: '2026-05-02' }],
      goLiveUnknown: false,
    });
  });

  it('asks nothing of a service that is not significant, or whose significance is unknown', () => {
    const s = { ...base, plan: { startsOn: '2026-01-01', goLiveOn: '2026-01-02' } };
    expect(owedAssessments({ ...s, significance: false }, '2027-01-01').owes).toEqual([]);
    expect(owedAssessments({ ...s, significance: 'unknown' }, '2027-01-01').owes).toEqual([]);
  });

  it('gives every service that owes nothing one frozen status, which nothing can change', () => {
    const s = { ...base, plan: { startsOn: '2026-03-01', goLiveOn: '2026-12-01' } };
    const nothing = owedAssessments(s, '2026-02-28');
    expect(owedAssessments({ ...s, significance: false }, '2027-01-01')).toBe(nothing);
    expect(Object.isFrozen(nothing) && Object.isFrozen(nothing.owes)).toBe(true);
    expect(() => (nothing.owes as Array<{ phase: 'pre'; since: string }>).push({ phase: 'pre', since: '2026-01-01' })).toThrow(TypeError);
    const unknown = { ...base, firstSeen: '2026-01-10', pre: { assessedOn: '2026-01-10' } };
    expect(owedAssessments(unknown, '2026-12-31')).toBe(owedAssessments({ ...unknown, firstSeen: '2026-01-11' }, '2026-12-31'));
    // One that owes something has a status of its own.
    expect(Object.isFrozen(owedAssessments(s, '2026-03-01').owes)).toBe(false);
  });
});

const bands = (G: Band, I: Band): Bands => {
  const g = { G, I, all: G };
  return { SD: g, GC: g, DH: g, DG: g, BT: g, all: g };
};

describe('the headline (seed §6.4.4)', () => {
  it('is good only when good on the user and on the inclusion criteria; n/a counts apart', () => {
    expect(headlineClass(bands('good', 'good'))).toBe('good');
    expect(headlineClass(bands('good', 'partial'))).toBe('not_good');
    expect(headlineClass(bands('good', 'n/a'))).toBe('not_applicable');
    expect(headlineClass(bands('n/a', 'good'))).toBe('not_applicable');
  });

  it('counts results (post) and forecasts (only a pre) apart', () => {
    const h = headline([
      { pre: { bands: bands('partial', 'partial') }, post: { bands: bands('good', 'good') } },
      { pre: { bands: bands('good', 'good') }, post: null },
      { pre: { bands: bands('good', 'n/a') }, post: null },
      { pre: null, post: { bands: bands('none', 'good') } },
    ]);
    expect(h).toEqual({
      results: { good: 1, notGood: 1, notApplicable: 0, total: 2 },
      forecasts: { good: 1, notGood: 0, notApplicable: 1, total: 2 },
    });
  });
});

const a = (id: string, assessedOn: string, unmet: string[] = ['SD-G1']): AgendaCandidate => ({
  assessmentId: id,
  organisationId: 'OVO000123',
  serviceId: id,
  phase: 'pre',
  assessedOn,
  unmet,
});
const d = (assessmentId: string, decidedOn: string, over: Partial<DecisionFact> = {}): DecisionFact => ({
  decisionId: `d-${assessmentId}-${decidedOn}`,
  assessmentId,
  organisationId: 'OVO000123',
  serviceId: assessmentId,
  decision: 'accepted',
  criteria: ['SD-G1'],
  decidedOn,
  ...over,
});
const Q3 = { start: '2026-07-01', end: '2026-09-30' };
const Q4 = { start: '2026-10-01', end: '2026-12-31' };

describe("the committee's agenda", () => {
  it('lists a Q3 assessment decided in Q4 as pending in Q3 and decided in Q4, and drops it after', () => {
    const assessments = [a('x', '2026-08-15')];
    const decisions = [d('x', '2026-10-20')];
    expect(agendaOf(Q3, assessments, decisions).map((i) => [i.assessment.assessmentId, i.status])).toEqual([['x', 'pending']]);
    expect(agendaOf(Q4, assessments, decisions).map((i) => [i.assessment.assessmentId, i.status, i.decisions.length])).toEqual([
      ['x', 'decided', 1],
    ]);
    expect(agendaOf({ start: '2027-01-01', end: '2027-03-31' }, assessments, decisions)).toEqual([]);
  });

  it('leaves out assessments without unmet criteria and those dated after the period', () => {
    const list = agendaOf(Q3, [a('met', '2026-07-02', []), a('later', '2026-10-01'), a('backlog', '2026-05-01')], []);
    expect(list.map((i) => i.assessment.assessmentId)).toEqual(['backlog']);
  });

  it('names the derogations that expire within the next period', () => {
    const decisions = [
      d('a', '2026-08-01', { decision: 'derogation', until: '2026-11-30' }),
      d('b', '2026-08-01', { decision: 'derogation', until: '2027-06-30' }),
      d('c', '2026-10-05', { decision: 'derogation', until: '2026-12-01' }),
      d('e', '2026-08-01', { decision: 'derogation', until: '2026-09-15' }),
    ];
    expect(expiringDerogations(Q3, Q4, decisions).map((x) => x.assessmentId)).toEqual(['a']);
  });
});

describe('a decision', () => {
  const unmet = ['SD-G1', 'GC-I2'];
  const ok = (body: unknown) => validateDecision(body, { today: '2026-11-26', unmet });
  it('covers every unmet criterion unless it names some', () => {
    expect(ok({ assessmentId: 'x', decision: 'accepted' })).toEqual({
      ok: true,
      value: { assessmentId: 'x', decision: 'accepted', criteria: unmet },
    });
  });

  it('refuses, all at once: a derogation without a future date, criteria that were met, a criterion named twice', () => {
    expect(ok({ assessmentId: 'x', decision: 'derogation', until: '2026-11-26', criteria: ['SD-G1', 'SD-G2', 'SD-G1'] })).toEqual({
      ok: false,
      problems: [
        { path: 'until', message: 'a derogation runs until a date after today (2026-11-26)' },
        { path: 'criteria[1]', message: 'SD-G2 is not an unmet criterion of this assessment' },
        { path: 'criteria[2]', message: 'SD-G1 is named twice' },
      ],
    });
    expect(ok({ assessmentId: 'x', decision: 'derogation' })).toMatchObject({ ok: false, problems: [{ path: 'until' }] });
    expect(ok({ assessmentId: 'x', decision: 'action_required' })).toMatchObject({ ok: false, problems: [{ path: 'note' }] });
    expect(ok({ assessmentId: 'x', decision: 'accepted', until: '2027-01-01' })).toMatchObject({
      ok: false,
      problems: [{ path: 'until' }],
    });
  });

  it('has nothing to decide on an assessment that meets every criterion', () => {
    expect(validateDecision({ assessmentId: 'x', decision: 'accepted' }, { today: '2026-11-26', unmet: [] })).toMatchObject({
      ok: false,
      problems: [{ path: 'assessmentId' }],
    });
  });
});

describe('a yearly plan', () => {
  const service = {
    serviceId: 'premie',
    kind: 'new',
    name: 'Premie aanvragen',
    targetGroups: ['burgers'],
    startsOn: '2027-02-01',
    goLiveOn: '2027-09-01',
  };
  it('accepts this year or the next', () => {
    expect(validatePlan({ organisationId: 'OVO000123', year: 2027, services: [service] }, { today: '2026-11-26' }).ok).toBe(true);
  });

  it('names every problem: a year too far ahead, a service planned twice, a go-live before the start', () => {
    const r = validatePlan(
      { organisationId: 'OVO000123', year: 2028, services: [service, { ...service, goLiveOn: '2027-01-01' }] },
      { today: '2026-11-26' },
    );
    expect(r).toEqual({
      ok: false,
      problems: [
        { path: 'year', message: '2028 is more than a year ahead; a plan covers this year (2026) or the next' },
        { path: 'services[1].serviceId', message: 'premie is already planned at services[0]' },
        { path: 'services[1].goLiveOn', message: 'goes live (2027-01-01) before the work starts (2027-02-01)' },
      ],
    });
  });
});

describe('today', () => {
  it('is the date in Brussels, not in UTC', () => {
    expect(brusselsDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(brusselsDate(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(brusselsDate(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});
