// What the feedback routes accept: one response from the form (posted as a
// form or as JSON) and a provider's aggregates for a period. Every problem is
// named at once; no message repeats a comment.
import * as z from 'zod';
import { parsePeriod, periodSchema } from '../periods.js';
import type { Checked } from '../checked.js';
import { zodProblems, type Problem } from '../problems.js';
import { organisationIdSchema, slugSchema } from '../vocabulary.js';
import { checkComment, MAX_COMMENT_CHARS } from './comment-text.js';
import { FOUND_IT, type FoundIt } from './tally.js';

/** The public form's body limit (design §2.1). */
export const MAX_RESPONSE_BODY_BYTES = 16 * 1024;
/** The name of the form's honeypot field: hidden from people, filled in by bots. */
export const HONEYPOT_FIELD = 'website';

export interface FeedbackResponse {
  rating: number;
  foundIt?: FoundIt;
  /** normalized, not yet masked */
  comment?: string;
}

/** For the documentation; checkComment has the last word (it counts code points, as JSON Schema's maxLength does). */
const commentSchema = z.string().max(MAX_COMMENT_CHARS);
const isCommentPath = (p: Problem) => /^comment$|\.comments\[\d+\]$/.test(p.path);

export const feedbackResponseSchema = z.strictObject({
  rating: z.int().min(1).max(5),
  foundIt: z.enum(FOUND_IT).optional(),
  comment: commentSchema.optional(),
});

function commentOf(raw: unknown, path: string, problems: Problem[]): string | undefined {
  const c = checkComment(raw);
  if (!c.ok) {
    problems.push({ path, message: c.message });
    return undefined;
  }
  return c.text;
}

/** A response posted as JSON: `{rating, foundIt?, comment?}`. */
export function checkJsonResponse(body: unknown): Checked<FeedbackResponse> {
  const parsed = feedbackResponseSchema.safeParse(body);
  // The comment's own rules give clearer messages than the schema's.
  const problems = parsed.success ? [] : zodProblems(parsed.error).filter((p) => !isCommentPath(p));
  const comment = commentOf((body as { comment?: unknown } | null)?.comment, 'comment', problems);
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      rating: parsed.data.rating,
      ...(parsed.data.foundIt ? { foundIt: parsed.data.foundIt } : {}),
      ...(comment ? { comment } : {}),
    },
  };
}

export interface FormFields {
  rating?: string;
  foundIt?: string;
  comment?: string;
}

/**
 * A response posted by the form (application/x-www-form-urlencoded). `bot`
 * is true when the honeypot field was filled in: the caller then drops the
 * response without saying so. `fields` are the values as sent, so the form
 * can be shown again with them.
 */
export function checkFormResponse(form: URLSearchParams): Checked<FeedbackResponse> & { bot: boolean; fields: FormFields } {
  const problems: Problem[] = [];
  const fields: FormFields = {};
  const seen = new Set<string>();
  for (const [name, value] of form) {
    if (seen.has(name)) problems.push({ path: name, message: 'sent more than once' });
    seen.add(name);
    if (name === 'rating' || name === 'foundIt' || name === 'comment') fields[name] = value;
    else if (name !== HONEYPOT_FIELD) problems.push({ path: name, message: 'unknown field' });
  }
  const bot = (form.get(HONEYPOT_FIELD) ?? '').trim() !== '';
  const rating = /^[1-5]$/.test(fields.rating ?? '') ? Number(fields.rating) : undefined;
  if (rating === undefined) problems.push({ path: 'rating', message: fields.rating ? 'a rating is 1, 2, 3, 4 or 5' : 'choose a rating' });
  const foundIt = fields.foundIt === undefined || fields.foundIt === '' ? undefined : fields.foundIt;
  if (foundIt !== undefined && !(FOUND_IT as readonly string[]).includes(foundIt))
    problems.push({ path: 'foundIt', message: 'yes, partly or no' });
  const comment = commentOf(fields.comment, 'comment', problems);
  if (problems.length > 0 || rating === undefined) return { ok: false, problems, bot, fields };
  return {
    ok: true,
    value: { rating, ...(foundIt ? { foundIt: foundIt as FoundIt } : {}), ...(comment ? { comment } : {}) },
    bot,
    fields,
  };
}

// ---- A provider's aggregates ----

/** Services in one report: each service's comments are one item, written with the report in one transaction. */
export const MAX_AGGREGATE_SERVICES = 40;
export const MAX_COMMENTS_PER_SERVICE = 200;
/** A service's comments in one report, in UTF-8: they are stored as one item (DynamoDB items stop at 400 KB). */
export const MAX_COMMENT_BYTES_PER_SERVICE = 300 * 1024;
const MAX_COUNT = 1_000_000_000;
const UTF8 = new TextEncoder();

const count = z.int().min(0).max(MAX_COUNT);

export const feedbackAggregatesSchema = z.strictObject({
  organisationId: organisationIdSchema,
  period: periodSchema,
  services: z
    .array(
      z.strictObject({
        serviceId: slugSchema,
        responses: count,
        ratings: z.strictObject({ '1': count, '2': count, '3': count, '4': count, '5': count }),
        foundIt: z.strictObject({ yes: count, partly: count, no: count }).optional(),
        comments: z.array(commentSchema).max(MAX_COMMENTS_PER_SERVICE).optional(),
      }),
    )
    .min(1)
    .max(MAX_AGGREGATE_SERVICES),
});
export type FeedbackAggregates = z.infer<typeof feedbackAggregatesSchema>;

/**
 * Checks a provider's aggregates: the schema, each service once, the ratings
 * adding up to `responses`, no more found-it answers than responses (a
 * respondent may leave that question open, as on the form), every comment
 * well-formed, and a period that has begun by `today`. Comments come back
 * normalized; empty ones are dropped.
 */
export function checkFeedbackAggregates(body: unknown, today: string): Checked<FeedbackAggregates> {
  const parsed = feedbackAggregatesSchema.safeParse(body);
  const problems = parsed.success ? [] : zodProblems(parsed.error).filter((p) => !isCommentPath(p));
  const period = (body as { period?: unknown } | null)?.period;
  const p = typeof period === 'string' ? parsePeriod(period) : undefined;
  if (p && p.start > today) problems.push({ path: 'period', message: `${p.id} has not begun yet` });
  const services = (body as { services?: unknown } | null)?.services;
  const comments = new Map<number, string[]>();
  if (Array.isArray(services)) {
    const seen = new Map<string, number>();
    services.forEach((raw: unknown, i) => {
      const s = (raw ?? {}) as Record<string, unknown>;
      if (typeof s.serviceId === 'string') {
        const first = seen.get(s.serviceId);
        if (first !== undefined)
          problems.push({ path: `services[${i}].serviceId`, message: `${s.serviceId} is already at services[${first}]` });
        else seen.set(s.serviceId, i);
      }
      const responses = typeof s.responses === 'number' ? s.responses : undefined;
      const sum = (o: unknown, keys: readonly string[]) =>
        o && typeof o === 'object' && keys.every((k) => typeof (o as Record<string, unknown>)[k] === 'number')
          ? keys.reduce((a, k) => a + ((o as Record<string, number>)[k] ?? 0), 0)
          : undefined;
      const rated = sum(s.ratings, ['1', '2', '3', '4', '5']);
      if (responses !== undefined && rated !== undefined && rated !== responses)
        problems.push({ path: `services[${i}].ratings`, message: `the ratings add up to ${rated}, not to responses (${responses})` });
      const answered = sum(s.foundIt, FOUND_IT);
      if (responses !== undefined && answered !== undefined && answered > responses)
        problems.push({ path: `services[${i}].foundIt`, message: `${answered} found-it answers, more than responses (${responses})` });
      if (Array.isArray(s.comments)) {
        const kept: string[] = [];
        s.comments.forEach((c: unknown, j) => {
          const text = commentOf(c, `services[${i}].comments[${j}]`, problems);
          if (text) kept.push(text);
        });
        const bytes = kept.reduce((a, c) => a + UTF8.encode(c).length, 0);
        if (bytes > MAX_COMMENT_BYTES_PER_SERVICE)
          problems.push({
            path: `services[${i}].comments`,
            message: `${Math.ceil(bytes / 1024)} KB of comments; at most ${MAX_COMMENT_BYTES_PER_SERVICE / 1024} KB per service and period (report months instead of a quarter to send more)`,
          });
        comments.set(i, kept);
      }
    });
  }
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  const value: FeedbackAggregates = {
    ...parsed.data,
    services: parsed.data.services.map((s, i) => ({ ...s, ...(s.comments ? { comments: comments.get(i) ?? [] } : {}) })),
  };
  return { ok: true, value };
}
