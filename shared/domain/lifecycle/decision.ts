// A committee decision on an assessment (seed §3.2.2), optionally on some of
// its unmet criteria: `accepted` (the explanation is accepted), `derogation`
// (an exception until a date in the future), or `action_required` (with a
// note saying what). Without `criteria`, it covers every unmet criterion.
import * as z from 'zod';
import { EXAMPLE_DECISION } from '../examples.js';
import { zodProblems, type Problem } from '../problems.js';
import { text } from '../text.js';
import { isoDateSchema } from '../vocabulary.js';

export const decisionRequestSchema = z
  .strictObject({
    assessmentId: text({ min: 1, max: 64, trim: false }).meta({ description: 'The assessment decided on (its assessmentId).' }),
    decision: z
      .enum(['accepted', 'derogation', 'action_required'])
      .meta({ description: '`accepted` (the explanation), `derogation` (an exception until a date) or `action_required` (with a note).' }),
    criteria: z
      .array(text({ max: 16, trim: false }))
      .min(1)
      .max(200)
      .meta({ description: 'Optional: the unmet criteria decided on; default: every unmet criterion.', examples: [['SD-G2']] })
      .optional(),
    until: isoDateSchema
      .meta({ description: 'For a derogation (and only then): the day it ends, YYYY-MM-DD, after today.', examples: ['2027-06-30'] })
      .optional(),
    note: text({ min: 1, max: 2000, lines: 'multi' }).meta({ description: 'Required for action_required: which action.' }).optional(),
  })
  .meta({ description: "The steering committee's decision on an assessment's unmet criteria.", examples: [EXAMPLE_DECISION] });
export type DecisionRequest = z.infer<typeof decisionRequestSchema>;

export type DecisionValidation = { ok: true; value: DecisionRequest & { criteria: string[] } } | { ok: false; problems: Problem[] };

/** The request's own shape and rules; `unmet` is what the assessment it names left unmet (null: no such assessment). */
export function validateDecision(body: unknown, context: { today: string; unmet: readonly string[] | null }): DecisionValidation {
  const parsed = decisionRequestSchema.safeParse(body);
  const problems = parsed.success ? [] : zodProblems(parsed.error);
  if (!parsed.success) return { ok: false, problems };
  const d = parsed.data;
  if (d.decision === 'derogation' && d.until === undefined)
    problems.push({ path: 'until', message: 'a derogation runs until a date: give until as YYYY-MM-DD' });
  if (d.decision === 'derogation' && d.until !== undefined && d.until <= context.today) {
    problems.push({ path: 'until', message: `a derogation runs until a date after today (${context.today})` });
  }
  if (d.decision !== 'derogation' && d.until !== undefined) problems.push({ path: 'until', message: 'until belongs to a derogation only' });
  if (d.decision === 'action_required' && d.note === undefined)
    problems.push({ path: 'note', message: 'say which action is required in a note' });
  if (context.unmet === null) return { ok: false, problems: [...problems, { path: 'assessmentId', message: 'no such assessment' }] };
  if (context.unmet.length === 0)
    problems.push({ path: 'assessmentId', message: 'this assessment meets every criterion: there is nothing to decide' });
  const unmet = new Set(context.unmet);
  const seen = new Set<string>();
  (d.criteria ?? []).forEach((c, i) => {
    if (seen.has(c)) problems.push({ path: `criteria[${i}]`, message: `${c} is named twice` });
    else if (!unmet.has(c)) problems.push({ path: `criteria[${i}]`, message: `${c} is not an unmet criterion of this assessment` });
    seen.add(c);
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { ...d, criteria: d.criteria ?? [...(context.unmet ?? [])] } };
}
