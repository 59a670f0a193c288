// What the projections keep of one assessment: its scores and bands, which
// criteria it left unmet (and by when they will be met), how its service was
// described — a bounded item of its own, whatever the service's history or
// the length of its explanations (the texts stay in the stored submission,
// whose key the row's ids give: submission-items.ts assessmentKey).
import { catalogFor } from './catalog.js';
import { ANSWER_CODES, scoreAnswerCodes, scoreAnswers, type Bands, type Scores } from './scoring.js';
import type { StoredAssessment } from './service-view.js';

export interface AssessmentRow {
  assessmentId: string;
  organisationId: string;
  serviceId: string;
  phase: 'pre' | 'post';
  assessedOn: string;
  submittedAt: string;
  catalogVersion: string;
  scores: Scores;
  bands: Bands;
  /** one letter per criterion of the catalog, in catalog order: y(es), n(o), -(not applicable) */
  answerCodes: string;
  /** the criteria answered `no` */
  unmet: string[];
  /** for unmet criteria that say so: the date by which they will be met */
  plannedBy: Record<string, string>;
  /** answers that carry an explanation (their texts are read from the submission) */
  explained: number;
  service: {
    name: string;
    targetGroups: string[];
    eloketten: string[];
    budgetEur?: number;
    expectedUsers?: number;
    goLiveOn?: string;
  };
  indicatorCatalogVersion?: string;
  measures?: Record<string, number | boolean | string>;
}

export function toAssessmentRow(a: StoredAssessment): AssessmentRow {
  const s = a.submission;
  const catalog = catalogFor(s.catalogVersion);
  if (!catalog) throw new Error(`stored assessment ${a.assessmentId} has unknown catalog ${s.catalogVersion}`);
  const { scores, bands } = scoreAnswers(catalog, s.answers);
  const byId = new Map(s.answers.map((x) => [x.criterionId, x]));
  return {
    assessmentId: a.assessmentId,
    organisationId: s.organisationId,
    serviceId: s.serviceId,
    phase: s.phase,
    assessedOn: s.assessedOn,
    submittedAt: a.submittedAt,
    catalogVersion: s.catalogVersion,
    scores,
    bands,
    answerCodes: catalog.criteria.map((c) => ANSWER_CODES[byId.get(c.id)?.answer ?? 'not_applicable']).join(''),
    unmet: s.answers.filter((x) => x.answer === 'no').map((x) => x.criterionId),
    plannedBy: Object.fromEntries(s.answers.flatMap((x) => (x.answer === 'no' && x.plannedBy ? [[x.criterionId, x.plannedBy]] : []))),
    explained: s.answers.filter((x) => x.explanation !== undefined).length,
    service: {
      name: s.service.name,
      targetGroups: [...s.service.targetGroups],
      eloketten: [...s.service.eloketten],
      ...(s.service.budgetEur !== undefined ? { budgetEur: s.service.budgetEur } : {}),
      ...(s.service.expectedUsers !== undefined ? { expectedUsers: s.service.expectedUsers } : {}),
      ...(s.service.goLiveOn !== undefined ? { goLiveOn: s.service.goLiveOn } : {}),
    },
    ...(s.indicatorCatalogVersion !== undefined ? { indicatorCatalogVersion: s.indicatorCatalogVersion } : {}),
    ...(s.measures !== undefined ? { measures: { ...s.measures } } : {}),
  };
}

/** At most this many answer patterns' scores are kept; then the memo starts again. */
const SCORE_MEMO_SIZE = 4096;
const scoreMemo = new Map<string, Readonly<{ scores: Scores; bands: Bands }>>();
const deepFreeze = <T extends object>(o: T): T => {
  for (const v of Object.values(o)) if (typeof v === 'object' && v !== null) deepFreeze(v);
  return Object.freeze(o);
};

/**
 * A row's scores and bands, from its catalog and answer letters: a stored row
 * does not keep them (they are more than half its bytes), since the letters
 * say all they rest on. Rows that answered alike share one frozen copy.
 */
export function rowScores(row: Pick<AssessmentRow, 'catalogVersion' | 'answerCodes'>): Readonly<{ scores: Scores; bands: Bands }> {
  const key = `${row.catalogVersion}\u0000${row.answerCodes}`;
  let known = scoreMemo.get(key);
  if (!known) {
    const catalog = catalogFor(row.catalogVersion);
    if (!catalog) throw new Error(`a row of unknown catalog ${row.catalogVersion}`);
    if (scoreMemo.size >= SCORE_MEMO_SIZE) scoreMemo.clear();
    known = deepFreeze(scoreAnswerCodes(catalog, row.answerCodes));
    scoreMemo.set(key, known);
  }
  return known;
}

/**
 * A service's key in the selections' maps. A caller that feeds one row to
 * several selections (a period's and its trend's eight quarters) makes it
 * once and passes it to each, so they hold one string per service, not nine.
 */
export const serviceKeyOf = (r: { organisationId: string; serviceId: string }): string => `${r.organisationId}\u0000${r.serviceId}`;

/** Newest first: the later assessedOn, then the later submission (so a resubmission corrects). */
export const newestFirst = (a: { assessedOn: string; submittedAt: string }, b: { assessedOn: string; submittedAt: string }) =>
  b.assessedOn.localeCompare(a.assessedOn) || b.submittedAt.localeCompare(a.submittedAt);

/** Is `a` newer than `b` by that order? */
export const isNewer = (a: { assessedOn: string; submittedAt: string }, b: { assessedOn: string; submittedAt: string } | null) =>
  b === null || newestFirst(a, b) < 0;

/** The explained answers of an assessment (a `no`, or a `not_applicable`): what the committee reads beside its figures. */
export function explainedAnswersOf(
  a: StoredAssessment,
): Array<{ criterionId: string; answer: 'no' | 'not_applicable'; explanation: string; plannedBy?: string }> {
  // Picked first, then mapped: the list a report holds is exactly as long as it needs (a list grown one
  // item at a time keeps room for more, some 150 bytes each over 100,000 assessments).
  return a.submission.answers
    .filter(
      (x): x is typeof x & { answer: 'no' | 'not_applicable'; explanation: string } => x.explanation !== undefined && x.answer !== 'yes',
    )
    .map((x) => ({
      criterionId: x.criterionId,
      answer: x.answer,
      explanation: x.explanation,
      ...(x.plannedBy ? { plannedBy: x.plannedBy } : {}),
    }));
}
