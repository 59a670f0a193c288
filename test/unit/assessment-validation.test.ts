import { describe, expect, it } from 'vitest';
import { validateAssessment } from '../../shared/domain/assessment.js';
import { answers, assessment, TODAY } from '../support/fixtures.js';

function problemsOf(body: unknown) {
  const v = validateAssessment(body, { today: TODAY });
  if (v.ok) throw new Error('expected problems');
  return v.problems;
}

describe('assessment validation', () => {
  it('accepts a complete assessment', () => {
    const v = validateAssessment(assessment({ measures: { processSteps: 7, notifications: true } }), { today: TODAY });
    expect(v.ok).toBe(true);
  });

  it('names every missing, unknown and duplicate criterion and every unexplained no, at once', () => {
    const list = answers().filter((a) => a.criterionId !== 'SD-G3' && a.criterionId !== 'BT-I4');
    list.push({ criterionId: 'XX-G1', answer: 'yes' });
    list.push({ criterionId: 'GC-G1', answer: 'yes' });
    list[0] = { criterionId: 'SD-G1', answer: 'no' };
    list[5] = { criterionId: 'SD-I1', answer: 'no', explanation: '   ' };
    expect(problemsOf(assessment({ answers: list }))).toEqual([
      { path: 'answers[5].explanation', message: 'Too small: expected string to have >=1 characters' },
      { path: 'answers[0].explanation', message: 'criterion SD-G1 is not met: explain why (comply or explain)' },
      { path: 'answers[5].explanation', message: 'criterion SD-I1 is not met: explain why (comply or explain)' },
      { path: 'answers[50].criterionId', message: 'unknown criterion XX-G1 in catalog 2022-07' },
      { path: 'answers[51].criterionId', message: 'criterion GC-G1 is answered more than once (first at answers[11])' },
      { path: 'answers', message: 'criterion SD-G3 is not answered' },
      { path: 'answers', message: 'criterion BT-I4 is not answered' },
    ]);
  });

  it('wants every not_applicable explained, so n/a cannot dodge a criterion (design §2)', () => {
    const list = answers({ 'SD-G1': 'not_applicable', 'GC-I2': 'not_applicable' });
    list[0] = { criterionId: 'SD-G1', answer: 'not_applicable' };
    expect(problemsOf(assessment({ answers: list }))).toEqual([
      { path: 'answers[0].explanation', message: 'criterion SD-G1 is marked not applicable: explain why it does not apply' },
    ]);
  });

  it('takes plannedBy on an unmet criterion only, as a date', () => {
    const list = answers({ 'SD-G1': 'no' });
    list[0] = { criterionId: 'SD-G1', answer: 'no', explanation: 'Nog niet.', plannedBy: '2027-06-30' };
    expect(validateAssessment(assessment({ answers: list }), { today: TODAY }).ok).toBe(true);
    list[1] = { criterionId: 'SD-G2', answer: 'yes', plannedBy: '2027-06-30' };
    list[2] = { criterionId: 'SD-G3', answer: 'no', explanation: 'Later.', plannedBy: '30/06/2027' };
    expect(problemsOf(assessment({ answers: list }))).toEqual([
      { path: 'answers[2].plannedBy', message: 'a date as YYYY-MM-DD' },
      { path: 'answers[1].plannedBy', message: 'plannedBy belongs to an unmet criterion (answer "no") only' },
    ]);
  });

  it('refuses an assessment dated after today, and says the date format', () => {
    expect(problemsOf(assessment({ assessedOn: '2026-11-27' }))).toEqual([
      { path: 'assessedOn', message: '2026-11-27 is after today (2026-11-26): an assessment is dated the day it was made, as YYYY-MM-DD' },
    ]);
    expect(validateAssessment(assessment({ assessedOn: TODAY }), { today: TODAY }).ok).toBe(true);
    expect(problemsOf(assessment({ assessedOn: '26/11/2026' }))).toEqual([{ path: 'assessedOn', message: 'a date as YYYY-MM-DD' }]);
  });

  it('refuses unknown fields, with their path', () => {
    const body = { ...assessment(), extra: 1, service: { ...assessment().service, colour: 'blauw' } };
    expect(problemsOf(body)).toEqual([
      { path: 'service.colour', message: 'unknown field' },
      { path: 'extra', message: 'unknown field' },
    ]);
  });

  it('refuses an unknown catalog version and bad ids, phases and dates together', () => {
    const problems = problemsOf({
      ...assessment(),
      catalogVersion: '1999-01',
      organisationId: 'x',
      phase: 'during',
      assessedOn: '2026-13-01',
    });
    expect(problems.map((p) => p.path).sort()).toEqual(['assessedOn', 'catalogVersion', 'organisationId', 'phase']);
    expect(problems.find((p) => p.path === 'catalogVersion')?.message).toBe('unknown catalog version "1999-01"');
  });

  it('refuses an explanation over 2,000 characters and measures of the wrong kind', () => {
    const list = answers({ 'SD-G1': 'no' });
    list[0] = { criterionId: 'SD-G1', answer: 'no', explanation: 'x'.repeat(2001) };
    const problems = problemsOf(assessment({ answers: list, measures: { processSteps: 0, wcagLevel: 'AAAA' as never } }));
    expect(problems.map((p) => p.path).sort()).toEqual(['answers[0].explanation', 'measures.processSteps', 'measures.wcagLevel']);
  });
});
