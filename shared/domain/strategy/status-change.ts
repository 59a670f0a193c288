// The committee records a new status of an action or a support tool
// (design §3): `{status, note?}`, the status one of the subject's own.
import * as z from 'zod';
import { zodProblems } from '../problems.js';
import { ACTION_STATUSES, type ActionStatus } from './actions.js';
import { SUPPORT_TOOL_STATUSES, type SupportToolStatus } from './support-tools.js';
import type { Checked } from '../checked.js';
import { unsafeTextProblem } from '../feedback/comment-text.js';

export const MAX_STATUS_NOTE = 1000;
const note = z.string().trim().min(1).max(MAX_STATUS_NOTE).optional();

export const actionStatusChangeSchema = z.strictObject({ status: z.enum(ACTION_STATUSES), note });
export const supportToolStatusChangeSchema = z.strictObject({ status: z.enum(SUPPORT_TOOL_STATUSES), note });

export type StatusChange<S> = { status: S; note?: string };

function check<S>(schema: z.ZodType<StatusChange<S>>, body: unknown): Checked<StatusChange<S>> {
  const parsed = schema.safeParse(body);
  const problems = parsed.success ? [] : zodProblems(parsed.error);
  const text = (body as { note?: unknown } | null)?.note;
  // Text shown to the committee must read as it is stored (design §3).
  const unsafe = typeof text === 'string' ? unsafeTextProblem(text) : null;
  if (unsafe) problems.push({ path: 'note', message: `the note ${unsafe}` });
  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, value: parsed.data };
}

export const checkActionStatusChange = (body: unknown) => check<ActionStatus>(actionStatusChangeSchema, body);
export const checkSupportToolStatusChange = (body: unknown) => check<SupportToolStatus>(supportToolStatusChangeSchema, body);
