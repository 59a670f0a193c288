// What the feedback routes accept (design §2.1): a comment of at most 2,000
// characters of well-formed text, line breaks and tabs allowed; a form post
// with its honeypot; JSON; a provider's aggregates whose counts add up.
import { describe, expect, it } from 'vitest';
import { checkComment, MAX_COMMENT_CHARS } from '../../shared/domain/feedback/comment-text.js';
import { checkFeedbackAggregates, checkFormResponse, checkJsonResponse, HONEYPOT_FIELD } from '../../shared/domain/feedback/submissions.js';

const TODAY = '2026-11-26';

describe('a comment', () => {
  it('may hold line breaks and tabs; CRLF becomes LF, the ends are trimmed', () => {
    expect(checkComment('  Eerste regel\r\nTweede\tregel\r\n')).toEqual({ ok: true, text: 'Eerste regel\nTweede\tregel' });
  });

  it('is at most 2,000 characters, counted as a reader counts them', () => {
    expect(checkComment('a'.repeat(MAX_COMMENT_CHARS))).toMatchObject({ ok: true });
    expect(checkComment('a'.repeat(MAX_COMMENT_CHARS + 1))).toEqual({
      ok: false,
      message: 'the comment has 2001 characters; at most 2000',
    });
    // 2,000 emoji are 4,000 UTF-16 units and still 2,000 characters
    expect(checkComment('😀'.repeat(MAX_COMMENT_CHARS))).toMatchObject({ ok: true });
  });

  it('refuses control characters, bidirectional overrides and broken text, without repeating it', () => {
    for (const bad of [
      'geheim\u0000',
      'geheim\u0007',
      'geheim\u001b[31m',
      'geheim\u0085',
      'geheim\u202e',
      'geheim\u2066',
      'geheim\ud800',
    ]) {
      const c = checkComment(bad);
      expect(c.ok).toBe(false);
      if (!c.ok) expect(c.message).not.toContain('geheim');
    }
  });

  it('is no comment when empty', () => {
    expect(checkComment('   \n ')).toEqual({ ok: true, text: undefined });
    expect(checkComment(undefined)).toEqual({ ok: true, text: undefined });
  });
});

describe('a form post', () => {
  const form = (fields: Record<string, string>) => new URLSearchParams(fields);

  it('takes a rating, a found-it answer and a comment; empty optional fields are left out', () => {
    expect(checkFormResponse(form({ rating: '4', foundIt: 'partly', comment: 'Te veel stappen.', [HONEYPOT_FIELD]: '' }))).toMatchObject({
      ok: true,
      bot: false,
      value: { rating: 4, foundIt: 'partly', comment: 'Te veel stappen.' },
    });
    expect(checkFormResponse(form({ rating: '2', foundIt: '', comment: '' }))).toMatchObject({ ok: true, value: { rating: 2 } });
  });

  it('names every problem, and keeps what was sent to show it again', () => {
    const r = checkFormResponse(form({ foundIt: 'misschien', comment: 'x'.repeat(2001), extra: '1' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path).sort()).toEqual(['comment', 'extra', 'foundIt', 'rating']);
    expect(r.fields.foundIt).toBe('misschien');
  });

  it('refuses a field sent twice', () => {
    const r = checkFormResponse(new URLSearchParams('rating=5&rating=1'));
    expect(r.ok).toBe(false);
  });

  it('flags a bot that filled in the honeypot, whatever else it sent', () => {
    expect(checkFormResponse(form({ rating: '5', [HONEYPOT_FIELD]: 'https://spam.example' })).bot).toBe(true);
    expect(checkFormResponse(form({ rating: 'nope', [HONEYPOT_FIELD]: 'x' })).bot).toBe(true);
  });
});

describe('a JSON response', () => {
  it('is {rating, foundIt?, comment?}, strictly', () => {
    expect(checkJsonResponse({ rating: 5, foundIt: 'yes', comment: 'Vlot!' })).toEqual({
      ok: true,
      value: { rating: 5, foundIt: 'yes', comment: 'Vlot!' },
    });
    const r = checkJsonResponse({ rating: 6, foundIt: 'misschien', comment: 'x'.repeat(2001), [HONEYPOT_FIELD]: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path).sort()).toEqual(['comment', 'foundIt', 'rating', HONEYPOT_FIELD]);
  });
});

describe('a provider’s aggregates', () => {
  const service = (o: Record<string, unknown> = {}) => ({
    serviceId: 'omgevingsvergunning',
    responses: 20,
    ratings: { '1': 1, '2': 2, '3': 3, '4': 6, '5': 8 },
    foundIt: { yes: 12, partly: 4, no: 2 },
    comments: ['Goed.', '  '],
    ...o,
  });
  const report = (services: unknown[], period = '2026-Q3') => ({ organisationId: 'OVO000123', period, services });

  it('accepts counts that add up, and drops empty comments', () => {
    const r = checkFeedbackAggregates(report([service()]), TODAY);
    expect(r).toMatchObject({ ok: true, value: { period: '2026-Q3', services: [{ responses: 20, comments: ['Goed.'] }] } });
  });

  it('names every problem at once', () => {
    const r = checkFeedbackAggregates(
      report(
        [
          service({ responses: 21 }),
          service({ serviceId: 'premie', foundIt: { yes: 30, partly: 0, no: 0 } }),
          service({ serviceId: 'premie', ratings: { '1': -1, '2': 2, '3': 3, '4': 6, '5': 8 } }),
          service({ serviceId: 'attest', comments: ['ok', 'x'.repeat(2001)] }),
          service({ serviceId: 'Fout_Id', extra: true }),
        ],
        '2027-Q1',
      ),
      TODAY,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(
      expect.arrayContaining([
        { path: 'period', message: '2027-Q1 has not begun yet' },
        { path: 'services[0].ratings', message: 'the ratings add up to 20, not to responses (21)' },
        { path: 'services[1].foundIt', message: '30 found-it answers, more than responses (20)' },
        { path: 'services[2].serviceId', message: 'premie is already at services[1]' },
        { path: 'services[3].comments[1]', message: 'the comment has 2001 characters; at most 2000' },
        { path: 'services[4].extra', message: 'unknown field' },
      ]),
    );
    expect(r.problems.some((p) => p.path === 'services[2].ratings.1')).toBe(true);
    expect(r.problems.some((p) => p.path === 'services[4].serviceId')).toBe(true);
  });

  it('lets found-it answers fall short of responses (the question may be left open)', () => {
    expect(checkFeedbackAggregates(report([service({ foundIt: { yes: 1, partly: 0, no: 0 } })]), TODAY).ok).toBe(true);
    expect(checkFeedbackAggregates(report([service({ foundIt: undefined })]), TODAY).ok).toBe(true);
  });

  it('bounds the comments of one service', () => {
    const big = Array.from({ length: 200 }, () => 'é'.repeat(1000)); // 2,000 bytes each: 400 KB
    const r = checkFeedbackAggregates(report([service({ comments: big })]), TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.path).toBe('services[0].comments');
  });
});
