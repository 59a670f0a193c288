// Turning a valid submission into what is stored (its event, the current
// version) and what the provider gets back (scores, bands, significance).
import { V1_INDICATOR_CATALOG, type AssessmentSubmittedV2 } from '../../events/assessment-submitted.js';
import type { AssessmentSubmission } from './assessment.js';
import { catalogFor } from './catalog.js';
import { scoreAnswers, type Bands, type Scores } from './scoring.js';
import { significanceOf, type Significance } from './significance.js';

export interface AssessmentResult {
  assessmentId: string;
  significant: Significance;
  catalogVersion: string;
  /** the indicator catalog version the measures were checked against and stored with (when there are measures or a version) */
  indicatorCatalogVersion?: string;
  scores: Scores;
  bands: Bands;
}

/**
 * The stored form of a submission: measures as values of the indicator catalog
 * version they belong to (validation names it; the first version otherwise).
 */
export function storedSubmission(submission: AssessmentSubmission): AssessmentSubmittedV2['payload']['submission'] {
  const { measures, indicatorCatalogVersion, ...fields } = submission;
  const values = { ...(measures ?? {}) };
  const named = indicatorCatalogVersion !== undefined || Object.keys(values).length > 0;
  return {
    ...fields,
    ...(named ? { indicatorCatalogVersion: indicatorCatalogVersion ?? V1_INDICATOR_CATALOG } : {}),
    ...(Object.keys(values).length > 0 ? { measures: values } : {}),
  };
}

export function acceptAssessment(
  submission: AssessmentSubmission,
  ids: { assessmentId: string; eventId: string; submittedAt: string },
): { event: AssessmentSubmittedV2; result: AssessmentResult } {
  const catalog = catalogFor(submission.catalogVersion);
  if (!catalog) throw new Error(`catalog ${submission.catalogVersion} vanished after validation`);
  const { scores, bands } = scoreAnswers(catalog, submission.answers);
  const stored = storedSubmission(submission);
  return {
    event: {
      metadata: { eventId: ids.eventId, type: 'AssessmentSubmitted', version: 2, occurredAt: ids.submittedAt },
      payload: { assessmentId: ids.assessmentId, submittedAt: ids.submittedAt, submission: stored },
    },
    result: {
      assessmentId: ids.assessmentId,
      significant: significanceOf(submission.service),
      catalogVersion: catalog.version,
      ...(stored.indicatorCatalogVersion !== undefined ? { indicatorCatalogVersion: stored.indicatorCatalogVersion } : {}),
      scores,
      bands,
    },
  };
}
