import { z } from 'zod';
import { assessmentSubmissionSchema } from '../shared/domain/assessment.js';
import { defineEvent } from './envelope.js';

/** A provider's assessment as stored: the submission itself, as accepted. */
export const AssessmentSubmittedV1 = defineEvent(
  'AssessmentSubmitted',
  1,
  z.strictObject({
    assessmentId: z.string(),
    submittedAt: z.iso.datetime(),
    submission: assessmentSubmissionSchema,
  }),
);
export type AssessmentSubmittedV1 = z.infer<typeof AssessmentSubmittedV1.schema>;
