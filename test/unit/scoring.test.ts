import { describe, expect, it } from 'vitest';
import { PERSPECTIVES, PRINCIPLES, type Catalog } from '../../shared/domain/catalog.js';
import { ANSWER_CODES, bandOf, scoreAnswerCodes, scoreAnswers, sharedTripleId, type Answer } from '../../shared/domain/scoring.js';
import { significanceOf } from '../../shared/domain/significance.js';
import { answers, CATALOG } from '../support/fixtures.js';
import { seeded } from '../support/seeded.js';

const ids = (prefix: string) => CATALOG.criteria.filter((c) => c.id.startsWith(prefix)).map((c) => c.id);
const all = (list: string[], a: 'yes' | 'no' | 'not_applicable') => Object.fromEntries(list.map((id) => [id, a]));

describe('bands (seed §6.4.4, the 80 % rule)', () => {
  it('puts 0.8 itself in good and anything below it in partial', () => {
    expect(bandOf(0.8)).toBe('good');
    expect(bandOf(0.7999999999999999)).toBe('partial');
    expect(bandOf(1)).toBe('good');
    expect(bandOf(Number.MIN_VALUE)).toBe('partial');
    expect(bandOf(0)).toBe('none');
    expect(bandOf(null)).toBe('n/a');
  });
});

describe('scores', () => {
  it('scores everything 1 and good when every criterion is met', () => {
    const { scores, bands } = scoreAnswers(CATALOG, answers());
    expect(scores.SD).toEqual({ G: 1, I: 1, all: 1 });
    expect(scores.all).toEqual({ G: 1, I: 1, all: 1 });
    expect(bands.BT).toEqual({ G: 'good', I: 'good', all: 'good' });
  });

  it('leaves not_applicable out, and an all-not_applicable group is null and n/a', () => {
    const { scores, bands } = scoreAnswers(CATALOG, answers(all(ids('GC-I'), 'not_applicable')));
    expect(scores.GC).toEqual({ G: 1, I: null, all: 1 });
    expect(bands.GC).toEqual({ G: 'good', I: 'n/a', all: 'good' });
    // 4 of the 25 inclusion criteria left out: the remaining 21 are all met
    expect(scores.all.I).toBe(1);
  });

  it('scores a single no in SD-G (6 criteria) as 5/6, good, and 11/12 over SD', () => {
    const { scores, bands } = scoreAnswers(CATALOG, answers({ 'SD-G2': 'no' }));
    expect(scores.SD.G).toBe(5 / 6);
    expect(scores.SD.G).toBe(0.8333333333333334);
    expect(scores.SD.all).toBe(11 / 12);
    expect(scores.all.G).toBe(26 / 27);
    expect(scores.all.all).toBe(51 / 52);
    expect(bands.SD.G).toBe('good');
  });

  it('puts exactly 4 of 5 at 0.8 (good) and 3 of 4 answered at 0.75 (partial)', () => {
    // DH-G has 5 criteria: one no gives 4/5 = 0.8
    const atBoundary = scoreAnswers(CATALOG, answers({ 'DH-G1': 'no' }));
    expect(atBoundary.scores.DH.G).toBe(0.8);
    expect(atBoundary.bands.DH.G).toBe('good');
    // BT-I has 4: one no gives 3/4
    const below = scoreAnswers(CATALOG, answers({ 'BT-I1': 'no' }));
    expect(below.scores.BT.I).toBe(0.75);
    expect(below.bands.BT.I).toBe('partial');
  });

  it('computes overall scores over the union of answers, never as an average of averages', () => {
    // DH-G: 5 yes (1.0); DH-I: 6 no (0.0). Union: 5/11; an average would say 0.5.
    const { scores, bands } = scoreAnswers(CATALOG, answers(all(ids('DH-I'), 'no')));
    expect(scores.DH).toEqual({ G: 1, I: 0, all: 5 / 11 });
    expect(bands.DH).toEqual({ G: 'good', I: 'none', all: 'partial' });
    expect(scores.all.I).toBe(19 / 25);
    expect(scores.all.all).toBe(46 / 52);
  });

  it('scores none when nothing applicable is met', () => {
    const { scores, bands } = scoreAnswers(CATALOG, answers(all(ids(''), 'no')));
    expect(scores.all).toEqual({ G: 0, I: 0, all: 0 });
    expect(bands.all).toEqual({ G: 'none', I: 'none', all: 'none' });
  });

  it('shares one frozen triple per principle and values between every scoring, whatever else the answers say', () => {
    const a = scoreAnswers(CATALOG, answers({ 'SD-G2': 'no', 'DH-I1': 'no' }));
    const b = scoreAnswerCodes(CATALOG, CATALOG.criteria.map((c) => (c.id === 'SD-G4' || c.id === 'BT-G1' ? 'n' : 'y')).join(''));
    // SD-G: one no of 6 in both; the rest of SD all yes in both: the same object.
    expect(a.scores.SD).toBe(b.scores.SD);
    expect(a.bands.SD).toBe(b.bands.SD);
    expect(a.scores.SD).toEqual({ G: 5 / 6, I: 1, all: 11 / 12 });
    expect(Object.isFrozen(a.scores.SD)).toBe(true);
    expect(() => ((a.scores.SD as { G: number | null }).G = 0)).toThrow(TypeError);
    expect(a.scores.DH).not.toEqual(b.scores.DH);
    // 1 no of 2 answered and 2 of 4 give the same values: one triple, found by its values.
    const sd = ids('SD');
    const oneOfTwo = scoreAnswers(CATALOG, answers({ ...all(sd.slice(2), 'not_applicable'), 'SD-G1': 'no' }));
    const twoOfFour = scoreAnswers(CATALOG, answers({ ...all(sd.slice(4), 'not_applicable'), 'SD-G1': 'no', 'SD-G2': 'no' }));
    expect(oneOfTwo.scores.SD).toEqual({ G: 0.5, I: null, all: 0.5 });
    expect(twoOfFour.scores.SD).toBe(oneOfTwo.scores.SD);
    expect(twoOfFour.bands.SD).toBe(oneOfTwo.bands.SD);
    // Band triples alike: every all-good principle has the one band triple.
    expect(a.bands.GC).toBe(a.bands.BT);
    expect(sharedTripleId(a.scores.SD)).toBeTypeOf('number');
    expect(sharedTripleId({ G: 5 / 6, I: 1, all: 11 / 12 })).toBeUndefined();
  });

  it('gives null everywhere when every answer is not_applicable', () => {
    const { scores, bands } = scoreAnswers(CATALOG, answers(all(ids(''), 'not_applicable')));
    expect(scores.all).toEqual({ G: null, I: null, all: null });
    expect(bands.SD).toEqual({ G: 'n/a', I: 'n/a', all: 'n/a' });
  });
});

describe('significance (seed §3.2, footnote 1)', () => {
  it('is a budget over €500,000 or more than 100,000 users, strictly', () => {
    expect(significanceOf({ budgetEur: 500_000, expectedUsers: 100_000 })).toBe(false);
    expect(significanceOf({ budgetEur: 500_001, expectedUsers: 0 })).toBe(true);
    expect(significanceOf({ budgetEur: 0, expectedUsers: 100_001 })).toBe(true);
    // Neither size known: unknown, never silently "not significant" (design §2).
    expect(significanceOf({})).toBe('unknown');
    expect(significanceOf({ budgetEur: null, expectedUsers: undefined })).toBe('unknown');
    // One size known and small: not significant; the first description that says something counts.
    expect(significanceOf({ expectedUsers: 5_000 })).toBe(false);
    expect(significanceOf({}, { budgetEur: 900_000 })).toBe(true);
    expect(significanceOf({ budgetEur: 10 }, { budgetEur: 900_000 })).toBe(false);
  });
});

/** The rule as the design words it, group by group: yes / (yes + no) over the group's criteria, not_applicable and missing left out. */
function byTheRule(catalog: Catalog, given: ReadonlyArray<{ criterionId: string; answer: Answer }>) {
  const answerOf = new Map(given.map((a) => [a.criterionId, a.answer]));
  const scores: Record<string, Record<string, number | null>> = {};
  const bands: Record<string, Record<string, string>> = {};
  for (const p of [...PRINCIPLES, 'all'] as const) {
    scores[p] = {};
    bands[p] = {};
    for (const v of [...PERSPECTIVES, 'all'] as const) {
      const group = catalog.criteria.filter((c) => (p === 'all' || c.principle === p) && (v === 'all' || c.perspective === v));
      const yes = group.filter((c) => answerOf.get(c.id) === 'yes').length;
      const no = group.filter((c) => answerOf.get(c.id) === 'no').length;
      scores[p][v] = yes + no === 0 ? null : yes / (yes + no);
      bands[p][v] = bandOf(scores[p][v]);
    }
  }
  return { scores, bands };
}

describe('scores from answers and from a row’s answer letters', () => {
  const random = seeded(20261127);
  const choices: Array<Answer | undefined> = ['yes', 'yes', 'yes', 'no', 'not_applicable', undefined];
  // 1,000 drawn answer sets, in a shuffled order, some criteria left unanswered.
  const drawn = Array.from({ length: 1000 }, () => {
    const given = CATALOG.criteria.flatMap((c) => {
      const answer = choices[Math.floor(random() * choices.length)];
      return answer === undefined ? [] : [{ criterionId: c.id, answer }];
    });
    return given.sort(() => random() - 0.5);
  });

  it('gives exactly the rule’s scores and bands, either way, for every drawn answer set', () => {
    for (const given of drawn) {
      const expected = byTheRule(CATALOG, given);
      expect(scoreAnswers(CATALOG, given)).toEqual(expected);
      const byId = new Map(given.map((a) => [a.criterionId, a.answer]));
      const letters = CATALOG.criteria.map((c) => ANSWER_CODES[byId.get(c.id) ?? 'not_applicable']).join('');
      expect(scoreAnswerCodes(CATALOG, letters)).toEqual(expected);
    }
  });

  it('refuses letters that do not fit the catalog rather than scoring them', () => {
    expect(() => scoreAnswerCodes(CATALOG, 'y'.repeat(CATALOG.criteria.length - 1))).toThrow(/51 answer letters for the 52 criteria/);
    expect(() => scoreAnswerCodes(CATALOG, `${'y'.repeat(CATALOG.criteria.length - 1)}x`)).toThrow(/unknown answer letter x/);
  });
});
