// The public form's pages (design §3): Dutch, accessible markup, nothing
// loaded from elsewhere, text escaped, and a CSP that allows exactly the one
// inline style. (The browser test scans them with axe.)
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formPage, messagePage, PAGE_STYLE, thankYouPage } from '../../shared/domain/feedback/form-page.js';
import { HONEYPOT_FIELD } from '../../shared/domain/feedback/submissions.js';
import { PAGE_CSP, htmlResult } from '../../shared/adapters/html-page.js';

const page = formPage({ serviceName: 'Premie <aanvragen> & "meer"', action: '/v1/feedback/OVO1/premie', retentionDays: 400 });

describe('the form page', () => {
  it('is Dutch, for a phone, with the service named (escaped) in its title and heading', () => {
    expect(page).toContain('<html lang="nl">');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain('<title>Wat vindt u van Premie &lt;aanvragen&gt; &amp; &quot;meer&quot;?</title>');
    expect(page).toContain('<h1>Wat vindt u van Premie &lt;aanvragen&gt; &amp; &quot;meer&quot;?</h1>');
    expect(page).not.toContain('<aanvragen>');
  });

  it('posts as a plain form, with labelled fields grouped in fieldsets', () => {
    expect(page).toContain('<form method="post" action="/v1/feedback/OVO1/premie" accept-charset="UTF-8" novalidate>');
    expect(page.match(/<fieldset/g)).toHaveLength(2);
    for (let i = 1; i <= 5; i++) expect(page).toContain(`<label for="rating-${i}">${i} – `);
    for (const v of ['yes', 'partly', 'no']) expect(page).toContain(`<label for="foundIt-${v}">`);
    expect(page).toContain('<label class="block" for="comment">Wat kan er beter?');
    expect(page).toContain('We bewaren uw opmerking 400 dagen.');
  });

  it('hides the honeypot from people, keyboards and screen readers alike', () => {
    expect(page).toMatch(new RegExp(`<div class="trap" aria-hidden="true">.*name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"`));
  });

  it('loads nothing: no script, no external style, font or image', () => {
    expect(page).not.toMatch(/<script|<link|<img|src=|url\(|@import/i);
  });

  it('names each problem at the top and beside its field, and keeps what was typed', () => {
    const again = formPage({
      serviceName: 'Premie',
      action: '/x',
      retentionDays: 400,
      fields: { foundIt: 'yes', comment: '<b>te lang</b>'.repeat(300) },
      problems: [
        { path: 'rating', message: 'choose a rating' },
        { path: 'comment', message: 'too long' },
      ],
    });
    expect(again).toContain('<title>Fout: Wat vindt u van Premie?</title>');
    expect(again).toContain('<div class="error-summary" role="alert" aria-labelledby="error-title">');
    expect(again).toContain('<a href="#rating-1">Kies hoe tevreden u bent.</a>');
    expect(again).toContain('Uw opmerking is te lang: 4.200 tekens. U kunt hoogstens 2.000 tekens schrijven.');
    expect(again).toContain('aria-describedby="comment-hint comment-error" aria-invalid="true"');
    expect(again).toContain('id="foundIt-yes" name="foundIt" value="yes" checked');
    expect(again).toContain('&lt;b&gt;te lang&lt;/b&gt;');
  });
});

describe('the other pages', () => {
  it('thank the user, and say what went wrong in plain words', () => {
    expect(thankYouPage('Premie')).toContain('<h1>Bedankt voor uw mening</h1>');
    expect(messagePage('not_found')).toContain('<h1>Deze pagina bestaat niet</h1>');
    expect(messagePage('too_many', { retryAfterSeconds: 61, perHour: 5, formUrl: '/feedback/O/s' })).toContain(
      'U kunt voor deze dienst 5 keer per uur uw mening geven. Probeer het opnieuw over 2 minuten.',
    );
  });
});

describe('the answer carrying a page', () => {
  it('has a CSP allowing exactly the page’s style, by its hash, and no framing', () => {
    const hash = createHash('sha256').update(PAGE_STYLE).digest('base64');
    expect(PAGE_CSP).toBe(`default-src 'none'; style-src 'sha256-${hash}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`);
    expect(page).toContain(`<style>${PAGE_STYLE}</style>`);
    const r = htmlResult(200, page);
    expect(r.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': PAGE_CSP,
      'x-frame-options': 'DENY',
      'referrer-policy': 'same-origin',
    });
  });
});
