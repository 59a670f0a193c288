// What one service's stored assessments say: the latest `pre` and `post`
// (latest assessedOn, ties broken by the later submission so a resubmission
// corrects) and the history, newest first.
import type { AssessmentSubmittedV2 } from '../../events/assessment-submitted.js';
import type { Phase } from './assessment.js';
import { catalogFor } from './catalog.js';
import { scoreAnswers, type Bands, type Scores } from './scoring.js';
import { significanceOf, type Significance } from './significance.js';

/** An assessment as stored, in the current event version's shape (older versions upcast). */
export interface StoredAssessment {
  assessmentId: string;
  submittedAt: string;
  submission: AssessmentSubmittedV2['payload']['submission'];
}

export interface ScoredAssessment {
  assessmentId: string;
  phase: Phase;
  assessedOn: string;
  submittedAt: string;
  catalogVersion: string;
  scores: Scores;
  bands: Bands;
  /** one letter per criterion of the catalog, in catalog order: y(es), n(o), -(not applicable) */
  answerCodes: string;
}

export interface UnmetCriterion {
  criterionId: string;
  explanation: string;
}

export interface ServiceProjection {
  organisationId: string;
  serviceId: string;
  name: string;
  /** significant for certain (`significance === true`) */
  significant: boolean;
  significance: Significance;
  targetGroups: string[];
  eloketten: string[];
  budgetEur: number | null;
  expectedUsers: number | null;
  /** every assessment, newest first by (assessedOn, submittedAt) */
  assessments: ScoredAssessment[];
  /** unmet criteria of the latest pre and post, for the committee */
  unmet: { pre: UnmetCriterion[]; post: UnmetCriterion[] };
  lastSubmittedAt: string;
}

export function scoreStored(a: StoredAssessment): ScoredAssessment {
  const catalog = catalogFor(a.submission.catalogVersion);
  if (!catalog) throw new Error(`stored assessment ${a.assessmentId} has unknown catalog ${a.submission.catalogVersion}`);
  const { scores, bands } = scoreAnswers(catalog, a.submission.answers);
  const byId = new Map(a.submission.answers.map((x) => [x.criterionId, x.answer]));
  const answerCodes = catalog.criteria
    .map((c) => ({ yes: 'y', no: 'n', not_applicable: '-' })[byId.get(c.id) ?? 'not_applicable'])
    .join('');
  return {
    assessmentId: a.assessmentId,
    phase: a.submission.phase,
    assessedOn: a.submission.assessedOn,
    submittedAt: a.submittedAt,
    catalogVersion: a.submission.catalogVersion,
    scores,
    bands,
    answerCodes,
  };
}

const newestFirst = (a: { assessedOn: string; submittedAt: string }, b: { assessedOn: string; submittedAt: string }) =>
  b.assessedOn.localeCompare(a.assessedOn) || b.submittedAt.localeCompare(a.submittedAt);

const byAssessedThenSubmitted = (a: StoredAssessment, b: StoredAssessment) =>
  newestFirst(
    { assessedOn: a.submission.assessedOn, submittedAt: a.submittedAt },
    { assessedOn: b.submission.assessedOn, submittedAt: b.submittedAt },
  );

/** Latest of a phase on or before `onOrBefore` (YYYY-MM-DD), if given. */
export function latestOfPhase<T extends { phase: Phase; assessedOn: string; submittedAt: string }>(
  list: readonly T[],
  phase: Phase,
  onOrBefore?: string,
): T | null {
  const candidates = list.filter((a) => a.phase === phase && (onOrBefore === undefined || a.assessedOn <= onOrBefore));
  return [...candidates].sort(newestFirst)[0] ?? null;
}

function unmetOf(a: StoredAssessment | undefined): UnmetCriterion[] {
  if (!a) return [];
  return a.submission.answers
    .filter((x) => x.answer === 'no')
    .map((x) => ({ criterionId: x.criterionId, explanation: x.explanation ?? '' }));
}

export function projectService(stored: readonly StoredAssessment[]): ServiceProjection | null {
  if (stored.length === 0) return null;
  const sorted = [...stored].sort(byAssessedThenSubmitted);
  // The service description comes from the most recent submission, whatever its phase.
  const newestSubmission = [...stored].sort(
    (a, b) => b.submittedAt.localeCompare(a.submittedAt) || b.assessmentId.localeCompare(a.assessmentId),
  )[0]!;
  const d = newestSubmission.submission;
  const latestPre = sorted.find((a) => a.submission.phase === 'pre');
  const latestPost = sorted.find((a) => a.submission.phase === 'post');
  return {
    organisationId: d.organisationId,
    serviceId: d.serviceId,
    name: d.service.name,
    significant: significanceOf(d.service) === true,
    significance: significanceOf(d.service),
    targetGroups: [...d.service.targetGroups],
    eloketten: [...d.service.eloketten],
    budgetEur: d.service.budgetEur ?? null,
    expectedUsers: d.service.expectedUsers ?? null,
    assessments: sorted.map(scoreStored),
    unmet: { pre: unmetOf(latestPre), post: unmetOf(latestPost) },
    lastSubmittedAt: newestSubmission.submittedAt,
  };
}

export interface ServiceView {
  organisationId: string;
  serviceId: string;
  name: string;
  significant: Significance;
  pre: Pick<ScoredAssessment, 'assessmentId' | 'assessedOn' | 'scores' | 'bands'> | null;
  post: Pick<ScoredAssessment, 'assessmentId' | 'assessedOn' | 'scores' | 'bands'> | null;
  history: Array<Pick<ScoredAssessment, 'assessmentId' | 'phase' | 'assessedOn' | 'submittedAt'>>;
}

export function serviceView(p: ServiceProjection): ServiceView {
  const pick = (a: ScoredAssessment | null) =>
    a && { assessmentId: a.assessmentId, assessedOn: a.assessedOn, scores: a.scores, bands: a.bands };
  return {
    organisationId: p.organisationId,
    serviceId: p.serviceId,
    name: p.name,
    significant: p.significance,
    pre: pick(latestOfPhase(p.assessments, 'pre')),
    post: pick(latestOfPhase(p.assessments, 'post')),
    history: p.assessments.map(({ assessmentId, phase, assessedOn, submittedAt }) => ({ assessmentId, phase, assessedOn, submittedAt })),
  };
}
