// The one text rule (design §3), used by every free-text field of every
// schema: well-formed Unicode (no lone surrogate, which other JSON parsers
// reject), no control characters (line breaks and tabs only in fields that
// hold several lines), and no bidirectional embedding, override or isolate
// characters (they make a committee page or CSV read other than it is stored).
import * as z from 'zod';

export type TextLines = 'single' | 'multi';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// C0 and C1 controls and DEL; a single line also refuses the line and paragraph separators.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_SINGLE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
// Several lines: tab, line feed and carriage return are allowed.
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_MULTI = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const codePoint = (s: string, at: number) => `U+${s.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `s` is not acceptable text, or null when it is. Positions count from 1. */
export function textProblem(s: string, lines: TextLines = 'single'): string | null {
  const surrogate = LONE_SURROGATE.exec(s);
  if (surrogate)
    return `is not well-formed Unicode: a lone surrogate (${codePoint(s, surrogate.index)}) at position ${surrogate.index + 1}`;
  const control = (lines === 'multi' ? CONTROL_MULTI : CONTROL_SINGLE).exec(s);
  if (control) {
    const allowed = lines === 'multi' ? 'only line breaks and tabs are allowed' : 'this field is a single line';
    return `contains a control character (${codePoint(s, control.index)}) at position ${control.index + 1}; ${allowed}`;
  }
  const bidi = BIDI_CONTROL.exec(s);
  if (bidi) return `contains a bidirectional control character (${codePoint(s, bidi.index)}) at position ${bidi.index + 1}`;
  return null;
}

const rule = (lines: TextLines) =>
  z.superRefine<string>((s, ctx) => {
    const problem = textProblem(s, lines);
    if (problem) ctx.addIssue({ code: 'custom', message: `text ${problem}`, input: s });
  });

/** The text rule as a zod check: one instance per kind, so a test can find it in any schema. */
export const TEXT_RULE = { single: rule('single'), multi: rule('multi') } as const;

/**
 * A free-text field: trimmed (unless `trim: false`, for identifiers whose
 * spaces matter), between `min` and `max` characters, under the text rule.
 */
export function text(o: { max: number; min?: number; lines?: TextLines; trim?: boolean }): z.ZodString {
  let s = z.string();
  if (o.trim !== false) s = s.trim();
  if (o.min !== undefined) s = s.min(o.min);
  return s.max(o.max).check(TEXT_RULE[o.lines ?? 'single']);
}
