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
export type Scores = Record<Principle | 'all', Readonly<GroupScores<Score>>>;
export type Bands = Record<Principle | 'all', Readonly<GroupScores<Band>>>;

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

/**
 * A principle's scores and bands (G, I, all) are a function of four counts:
 * yes and no in G, yes and no in I. So there are few distinct ones however
 * the answers differ, and each is made once, frozen, and shared by every
 * table that has it (a period's 100,000 rows hold a few hundred). Bounded:
 * past SHARED_TRIPLES distinct ones a triple is made for its table alone.
 */
const SHARED_TRIPLES = 16_384;
interface TriplePair {
  scores: Readonly<GroupScores<Score>>;
  bands: Readonly<GroupScores<Band>>;
}
const byCounts = new Map<number, TriplePair>();
/** Counts that give the same values (1 of 2 and 2 of 4) share one triple: by its values, looked up once per counts. */
const byValues = new Map<string, Readonly<GroupScores<Score>> | Readonly<GroupScores<Band>>>();
/** Each shared triple's number, for a table keyed by its triples without reading their values (compact-rows.ts). */
const tripleIds = new WeakMap<object, number>();

/** The shared triple of these values; `keep`: made shared if there is none yet (else `triple` is given back as it is). */
function sharedByValues<T extends Readonly<GroupScores<Score>> | Readonly<GroupScores<Band>>>(kind: string, triple: T, keep = true): T {
  const key = `${kind}|${triple.G}|${triple.I}|${triple.all}`;
  const known = byValues.get(key);
  if (known) return known as T;
  if (!keep) return triple;
  byValues.set(key, triple);
  tripleIds.set(triple, byValues.size);
  return triple;
}

const scoreOf = (yes: number, no: number): Score => (yes + no === 0 ? null : yes / (yes + no));

/** A principle's triples made anew, frozen. */
function makeTriples(yesG: number, noG: number, yesI: number, noI: number): TriplePair {
  const s = { G: scoreOf(yesG, noG), I: scoreOf(yesI, noI), all: scoreOf(yesG + yesI, noG + noI) };
  return { scores: Object.freeze(s), bands: Object.freeze({ G: bandOf(s.G), I: bandOf(s.I), all: bandOf(s.all) }) };
}

function triplesOf(yesG: number, noG: number, yesI: number, noI: number): TriplePair {
  // Counts under 256 each: one number says all four (a catalog has 52 criteria).
  if (yesG > 255 || noG > 255 || yesI > 255 || noI > 255) return makeTriples(yesG, noG, yesI, noI);
  const key = ((yesG * 256 + noG) * 256 + yesI) * 256 + noI;
  const known = byCounts.get(key);
  if (known) return known;
  const made = makeTriples(yesG, noG, yesI, noI);
  // Full: no new counts are kept, but values already shared still are (every row all yes, say).
  if (byCounts.size >= SHARED_TRIPLES)
    return { scores: sharedByValues('score', made.scores, false), bands: sharedByValues('band', made.bands, false) };
  const shared = { scores: sharedByValues('score', made.scores), bands: sharedByValues('band', made.bands) };
  byCounts.set(key, shared);
  return shared;
}

/** The number of a shared, frozen score or band triple; undefined for any other object. */
export const sharedTripleId = (triple: object): number | undefined => tripleIds.get(triple);

/** Counts yes and no per group, then score = yes / (yes + no): integer counts, so the order of the answers cannot change a score. */
class Tallies {
  readonly yes = new Int32Array(GROUP_ROWS.length * 3);
  readonly no = new Int32Array(GROUP_ROWS.length * 3);
  constructor(private readonly slots: Int32Array) {}
  add(criterion: number, answer: Answer): void {
    const counts = answer === 'yes' ? this.yes : answer === 'no' ? this.no : null;
    if (counts) for (let k = criterion * 4; k < criterion * 4 + 4; k++) counts[this.slots[k]!]! += 1;
  }
  /** Per principle (and all) its shared, frozen triples; the tables are the caller's. */
  result(): { scores: Scores; bands: Bands } {
    const scores = {} as Scores;
    const bands = {} as Bands;
    GROUP_ROWS.forEach((p, pi) => {
      // Columns G, I (the perspectives in order), then all: what triplesOf takes.
      const pair = triplesOf(this.yes[pi * 3]!, this.no[pi * 3]!, this.yes[pi * 3 + 1]!, this.no[pi * 3 + 1]!);
      scores[p] = pair.scores;
      bands[p] = pair.bands;
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
