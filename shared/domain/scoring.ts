// Scores and bands as the design defines them (seed §6.4.4, the 80 % rule):
// score = yes / (yes + no) over a group, not_applicable left out; overall
// figures are taken over the union of answers, never as an average of averages.
import { PERSPECTIVES, PRINCIPLES, type Catalog, type Perspective, type Principle } from './catalog.js';

export type Answer = 'yes' | 'no' | 'not_applicable';
export type Band = 'good' | 'partial' | 'none' | 'n/a';
export type Score = number | null;

export interface GroupScores<T> {
  G: T;
  I: T;
  all: T;
}
export type Scores = Record<Principle | 'all', GroupScores<Score>>;
export type Bands = Record<Principle | 'all', GroupScores<Band>>;

export const GOOD_THRESHOLD = 0.8;

export function bandOf(score: Score): Band {
  if (score === null) return 'n/a';
  if (score >= GOOD_THRESHOLD) return 'good';
  if (score > 0) return 'partial';
  return 'none';
}

/**
 * Where each criterion of a catalog counts: its principle and perspective,
 * its principle over both perspectives, all principles in its perspective,
 * and all of them. Slot = principle (or 'all') × 3 + perspective (or 'all').
 */
const GROUP_ROWS = [...PRINCIPLES, 'all'] as const;
const GROUP_COLUMNS = [...PERSPECTIVES, 'all'] as const;
const slotsByCatalog = new WeakMap<Catalog, { byId: Map<string, number>; slots: Int32Array }>();
function slotsOf(catalog: Catalog) {
  let known = slotsByCatalog.get(catalog);
  if (!known) {
    const slots = new Int32Array(catalog.criteria.length * 4);
    catalog.criteria.forEach((c, i) => {
      const p = GROUP_ROWS.indexOf(c.principle);
      const v = GROUP_COLUMNS.indexOf(c.perspective);
      const all = GROUP_ROWS.length - 1;
      const both = GROUP_COLUMNS.length - 1;
      slots.set([p * 3 + v, p * 3 + both, all * 3 + v, all * 3 + both], i * 4);
    });
    known = { byId: new Map(catalog.criteria.map((c, i) => [c.id, i])), slots };
    slotsByCatalog.set(catalog, known);
  }
  return known;
}

/** Counts yes and no per group, then score = yes / (yes + no): integer counts, so the order of the answers cannot change a score. */
class Tallies {
  readonly yes = new Int32Array(GROUP_ROWS.length * 3);
  readonly no = new Int32Array(GROUP_ROWS.length * 3);
  constructor(private readonly slots: Int32Array) {}
  add(criterion: number, answer: Answer): void {
    const counts = answer === 'yes' ? this.yes : answer === 'no' ? this.no : null;
    if (counts) for (let k = criterion * 4; k < criterion * 4 + 4; k++) counts[this.slots[k]!]! += 1;
  }
  result(): { scores: Scores; bands: Bands } {
    const scores = {} as Scores;
    const bands = {} as Bands;
    GROUP_ROWS.forEach((p, pi) => {
      const s = {} as GroupScores<Score>;
      const b = {} as GroupScores<Band>;
      GROUP_COLUMNS.forEach((v, vi) => {
        const yes = this.yes[pi * 3 + vi]!;
        const no = this.no[pi * 3 + vi]!;
        s[v] = yes + no === 0 ? null : yes / (yes + no);
        b[v] = bandOf(s[v]);
      });
      scores[p] = s;
      bands[p] = b;
    });
    return { scores, bands };
  }
}

export function scoreAnswers(
  catalog: Catalog,
  answers: ReadonlyArray<{ criterionId: string; answer: Answer }>,
): { scores: Scores; bands: Bands } {
  const { byId, slots } = slotsOf(catalog);
  const tallies = new Tallies(slots);
  for (const { criterionId, answer } of answers) {
    const i = byId.get(criterionId);
    if (i !== undefined) tallies.add(i, answer);
  }
  return tallies.result();
}

/** An answer as one letter, as a projection row keeps its answers (one per criterion of its catalog, in catalog order). */
export const ANSWER_CODES = { yes: 'y', no: 'n', not_applicable: '-' } as const satisfies Record<Answer, string>;
const ANSWER_OF_CODE: Readonly<Record<string, Answer>> = { y: 'yes', n: 'no', '-': 'not_applicable' };

/**
 * The same scores from a row's answer letters: the same tallies, so the same
 * numbers as scoreAnswers over the answers the letters stand for (a missing
 * answer is not applicable in both).
 */
export function scoreAnswerCodes(catalog: Catalog, codes: string): { scores: Scores; bands: Bands } {
  if (codes.length !== catalog.criteria.length)
    throw new Error(`${codes.length} answer letters for the ${catalog.criteria.length} criteria of catalog ${catalog.version}`);
  const tallies = new Tallies(slotsOf(catalog).slots);
  for (let i = 0; i < codes.length; i++) {
    const answer = ANSWER_OF_CODE[codes[i]!];
    if (answer === undefined) throw new Error(`unknown answer letter ${codes[i]!} (catalog ${catalog.version})`);
    tallies.add(i, answer);
  }
  return tallies.result();
}

export const groupKeys = (): Array<{ principle: Principle; perspective: Perspective }> =>
  PRINCIPLES.flatMap((principle) => PERSPECTIVES.map((perspective) => ({ principle, perspective })));
