// Turning a valid submission into what is stored (its event) and what the
// provider gets back (scores, bands, significance).
import type { AssessmentSubmittedV1 } from '../../events/assessment-submitted.js';
import type { AssessmentSubmission } from './assessment.js';
import { catalogFor } from './catalog.js';
import { scoreAnswers, type Bands, type Scores } from './scoring.js';
import { isSignificant } from './significance.js';

export interface AssessmentResult {
  assessmentId: string;
  significant: boolean;
  catalogVersion: string;
  scores: Scores;
  bands: Bands;
}

export function acceptAssessment(
  submission: AssessmentSubmission,
  ids: { assessmentId: string; eventId: string; submittedAt: string },
): { event: AssessmentSubmittedV1; result: AssessmentResult } {
  const catalog = catalogFor(submission.catalogVersion);
  if (!catalog) throw new Error(`catalog ${submission.catalogVersion} vanished after validation`);
  const { scores, bands } = scoreAnswers(catalog, submission.answers);
  return {
    event: {
      metadata: { eventId: ids.eventId, type: 'AssessmentSubmitted', version: 1, occurredAt: ids.submittedAt },
      payload: { assessmentId: ids.assessmentId, submittedAt: ids.submittedAt, submission },
    },
    result: {
      assessmentId: ids.assessmentId,
      significant: isSignificant(submission.service),
      catalogVersion: catalog.version,
      scores,
      bands,
    },
  };
}
