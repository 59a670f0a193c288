// What a comment may hold (design §2.1 and §3): at most 2,000 characters of
// well-formed text; line breaks and tabs are allowed, other control
// characters and bidirectional overrides are not. The messages never repeat
// the text itself: a comment is personal data and may not reach an error
// message or a log line.
export const MAX_COMMENT_CHARS = 2000;

// C0 controls except tab, LF and CR; DEL; C1 controls.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// Embeddings, overrides and isolates: they can make a text read differently than it is stored.
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/u;

export type CommentCheck = { ok: true; text: string | undefined } | { ok: false; message: string };

/** Line breaks as LF, composed characters (NFC), outer whitespace trimmed. */
export function normalizeComment(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

/** Counts characters as a reader does: one per code point, not per UTF-16 unit. */
export const characterCount = (text: string): number => [...text].length;

/** Why a text may not be stored as it is (not well-formed, a control or bidirectional-override character), or null. */
export function unsafeTextProblem(raw: string): string | null {
  if (LONE_SURROGATE.test(raw)) return 'is not well-formed Unicode text';
  if (CONTROL.test(raw)) return 'holds a control character (only line breaks and tabs are allowed)';
  if (BIDI_OVERRIDE.test(raw)) return 'holds a bidirectional override character';
  return null;
}

/**
 * Checks and normalizes a comment. An empty comment (after trimming) is no
 * comment: `text` is undefined.
 */
export function checkComment(raw: unknown): CommentCheck {
  if (raw === undefined || raw === null) return { ok: true, text: undefined };
  if (typeof raw !== 'string') return { ok: false, message: 'a comment is text' };
  const unsafe = unsafeTextProblem(raw);
  if (unsafe) return { ok: false, message: `the comment ${unsafe}` };
  const text = normalizeComment(raw);
  const length = characterCount(text);
  if (length > MAX_COMMENT_CHARS) return { ok: false, message: `the comment has ${length} characters; at most ${MAX_COMMENT_CHARS}` };
  return { ok: true, text: text === '' ? undefined : text };
}
