// The one text rule (issue 8 point 10, design §3): well-formed Unicode, no
// control characters (line breaks and tabs only in multi-line fields), no
// bidirectional controls; and every string of every request schema is either
// an identifier with a pattern or under this rule.
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { assessmentSubmissionSchema, validateAssessment } from '../../shared/domain/assessment.js';
import { decisionRequestSchema } from '../../shared/domain/lifecycle/decision.js';
import { planSchema } from '../../shared/domain/lifecycle/plan.js';
import { organisationSchema } from '../../shared/domain/organisations.js';
import { periodSchema } from '../../shared/domain/periods.js';
import { reportRequestSchema } from '../../shared/domain/report-request.js';
import { serviceCountsSchema } from '../../shared/domain/service-counts.js';
import { TEXT_RULE, textProblem } from '../../shared/domain/text.js';
import { answers, assessment } from '../support/fixtures.js';
import { TODAY } from '../support/fixtures.js';

describe('textProblem', () => {
  it('accepts ordinary text, accents, emoji (a surrogate pair) and, where lines are allowed, line breaks and tabs', () => {
    expect(textProblem('Omgevingsvergunning aanvragen – één loket 🚀')).toBeNull();
    expect(textProblem('Eerste regel.\r\nTweede\tregel.', 'multi')).toBeNull();
  });

  it('refuses a lone surrogate, high or low, with its position', () => {
    expect(textProblem('ab\uD800c')).toBe('is not well-formed Unicode: a lone surrogate (U+D800) at position 3');
    expect(textProblem('\uDC00')).toBe('is not well-formed Unicode: a lone surrogate (U+DC00) at position 1');
    expect(textProblem('x\uD83D')).toMatch(/lone surrogate \(U\+D83D\) at position 2/);
  });

  it('refuses NUL, DEL, C1 controls everywhere, and line breaks and tabs in a single line', () => {
    expect(textProblem('a\u0000b', 'multi')).toBe(
      'contains a control character (U+0000) at position 2; only line breaks and tabs are allowed',
    );
    expect(textProblem('a\u007Fb', 'multi')).toMatch(/U\+007F/);
    expect(textProblem('a\u0085b', 'multi')).toMatch(/U\+0085/);
    expect(textProblem('a\u001Bb', 'multi')).toMatch(/U\+001B/);
    expect(textProblem('a\nb')).toBe('contains a control character (U+000A) at position 2; this field is a single line');
    expect(textProblem('a\tb')).toMatch(/U\+0009.*single line/);
    expect(textProblem('a\u2028b')).toMatch(/U\+2028/);
  });

  it('refuses bidirectional embedding, override and isolate characters', () => {
    for (const c of ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(textProblem(`abc${c}def`, 'multi')).toMatch(
        /^contains a bidirectional control character \(U\+20[26][0-9A-F]\) at position 4$/,
      );
    }
  });
});

describe('the assessment schema under the text rule', () => {
  it('names each hostile text with its path', () => {
    const list = answers({ 'SD-G1': 'no', 'SD-G2': 'no' });
    list[0] = { ...list[0]!, explanation: 'Tot 2027 \u202Eeerf\u202C.' };
    list[1] = { ...list[1]!, explanation: 'Half \uD800 teken.' };
    const body = assessment({ answers: list, service: { ...assessment().service, name: 'Aan\u0000vraag' } });
    const v = validateAssessment(body, { today: TODAY });
    expect(v.ok).toBe(false);
    const problems = v.ok ? [] : v.problems;
    expect(problems).toContainEqual({
      path: 'answers[0].explanation',
      message: 'text contains a bidirectional control character (U+202E) at position 10',
    });
    expect(problems).toContainEqual({
      path: 'answers[1].explanation',
      message: 'text is not well-formed Unicode: a lone surrogate (U+D800) at position 6',
    });
    expect(problems).toContainEqual({
      path: 'service.name',
      message: 'text contains a control character (U+0000) at position 4; this field is a single line',
    });
  });

  it('keeps line breaks in an explanation, and refuses them in a name', () => {
    const list = answers({ 'SD-G1': 'no' });
    list[0] = { ...list[0]!, explanation: 'Eerste reden.\nTweede reden.' };
    expect(validateAssessment(assessment({ answers: list }), { today: TODAY }).ok).toBe(true);
    const named = validateAssessment(assessment({ service: { ...assessment().service, name: 'Twee\nregels' } }), { today: TODAY });
    expect(named.ok ? [] : named.problems.map((p) => p.path)).toEqual(['service.name']);
  });
});

/** Every string a schema accepts, with its path, and whether it is an identifier (a pattern) or under the text rule. */
function strings(schema: z.ZodType, path: string, out: Array<{ path: string; guarded: boolean }>): void {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
  switch (def.type) {
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) strings(v, path ? `${path}.${k}` : k, out);
      return;
    case 'array':
      return strings(def.element as z.ZodType, `${path}[]`, out);
    case 'optional':
    case 'nullable':
    case 'default':
      return strings(def.innerType as z.ZodType, path, out);
    case 'pipe':
      return strings(def.in as z.ZodType, path, out);
    case 'union':
      for (const o of def.options as z.ZodType[]) strings(o, path, out);
      return;
    case 'string': {
      if (schema === (periodSchema as z.ZodType)) return void out.push({ path, guarded: true }); // a period, checked by its parser
      const checks = (def.checks as Array<{ _zod: { def: { check: string } } }> | undefined) ?? [];
      // A string format (z.iso.date()) or a regex: an identifier that cannot hold free text.
      const patterned = def.format !== undefined || checks.some((c) => c._zod.def.check === 'string_format');
      const ruled = checks.some((c) => (c as unknown) === TEXT_RULE.single || (c as unknown) === TEXT_RULE.multi);
      return void out.push({ path, guarded: patterned || ruled });
    }
    default:
      return; // numbers, booleans, enums: no free text
  }
}

describe('every text field of every request schema', () => {
  it('is an identifier with a pattern or under the one text rule', () => {
    const found: Array<{ path: string; guarded: boolean }> = [];
    strings(assessmentSubmissionSchema, 'assessment', found);
    strings(serviceCountsSchema, 'serviceCounts', found);
    strings(reportRequestSchema, 'reportRequest', found);
    strings(organisationSchema, 'organisation', found);
    strings(planSchema, 'plan', found);
    strings(decisionRequestSchema, 'decision', found);
    expect(found.length).toBeGreaterThan(10);
    expect(found.filter((f) => !f.guarded).map((f) => f.path)).toEqual([]);
    // The free texts themselves are under the rule, not merely patterned.
    expect(found.map((f) => f.path)).toEqual(expect.arrayContaining(['assessment.answers[].explanation', 'assessment.service.name']));
  });
});
