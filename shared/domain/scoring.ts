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

interface Tally {
  yes: number;
  no: number;
}

const ratio = (t: Tally): Score => (t.yes + t.no === 0 ? null : t.yes / (t.yes + t.no));

export function scoreAnswers(
  catalog: Catalog,
  answers: ReadonlyArray<{ criterionId: string; answer: Answer }>,
): { scores: Scores; bands: Bands } {
  const byId = new Map(catalog.criteria.map((c) => [c.id, c]));
  const tallies = new Map<string, Tally>();
  const add = (key: string, a: Answer) => {
    const t = tallies.get(key) ?? { yes: 0, no: 0 };
    if (a === 'yes') t.yes += 1;
    if (a === 'no') t.no += 1;
    tallies.set(key, t);
  };
  for (const { criterionId, answer } of answers) {
    const c = byId.get(criterionId);
    if (!c) continue;
    for (const p of [c.principle, 'all']) for (const v of [c.perspective, 'all']) add(`${p}/${v}`, answer);
  }
  const scores = {} as Scores;
  const bands = {} as Bands;
  for (const p of [...PRINCIPLES, 'all'] as const) {
    const s = {} as GroupScores<Score>;
    const b = {} as GroupScores<Band>;
    for (const v of [...PERSPECTIVES, 'all'] as const) {
      s[v] = ratio(tallies.get(`${p}/${v}`) ?? { yes: 0, no: 0 });
      b[v] = bandOf(s[v]);
    }
    scores[p] = s;
    bands[p] = b;
  }
  return { scores, bands };
}

export const groupKeys = (): Array<{ principle: Principle; perspective: Perspective }> =>
  PRINCIPLES.flatMap((principle) => PERSPECTIVES.map((perspective) => ({ principle, perspective })));
