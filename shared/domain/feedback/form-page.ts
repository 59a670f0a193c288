// The public feedback form and its pages, in Dutch, plain language, for a
// phone first (design §3, seed actions 14 and 21): works without JavaScript,
// loads nothing from elsewhere (one inline style, allowed by its hash), and
// meets WCAG 2.1 AA: labelled fields grouped in fieldsets, errors named at
// the top and beside their field, visible focus, large targets, contrast.
import { escapeText } from '../report/html.js';
import type { Problem } from '../problems.js';
import { characterCount, MAX_COMMENT_CHARS } from './comment-text.js';
import { HONEYPOT_FIELD, type FormFields } from './submissions.js';

/** The only style of every page; the CSP allows exactly this text by its hash. */
export const PAGE_STYLE = `
*,*::before,*::after{box-sizing:border-box}
html{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:100%;line-height:1.5;color:#1f1f1f;background:#fff}
body{margin:0;overflow-wrap:break-word}
main{max-width:40rem;margin:0 auto;padding:1rem 1rem 3rem}
h1{font-size:1.75rem;line-height:1.25;margin:1rem 0;hyphens:auto}
h2{font-size:1.25rem;margin:0 0 .5rem}
p,li{font-size:1.125rem;max-width:65ch}
a{color:#0b4f96;text-decoration-thickness:.1em;text-underline-offset:.15em}
fieldset{border:0;margin:0 0 1.5rem;padding:0}
legend{font-size:1.25rem;font-weight:700;padding:0;margin-bottom:.5rem}
.hint{color:#3d3d3d;margin:.25rem 0 .75rem}
.choice{display:flex;align-items:center;gap:.75rem;min-height:2.75rem;font-size:1.125rem}
.choice input{width:1.5rem;height:1.5rem;margin:0;accent-color:#0b4f96;flex:none}
.choice label{padding:.5rem 0;flex:1}
label.block{display:block;font-size:1.25rem;font-weight:700;margin-bottom:.25rem}
textarea{display:block;width:100%;min-height:9rem;font:inherit;font-size:1.125rem;padding:.5rem;border:2px solid #1f1f1f;border-radius:0}
button{font:inherit;font-size:1.125rem;font-weight:700;color:#fff;background:#0b4f96;border:2px solid #0b4f96;border-radius:.25rem;padding:.75rem 1.5rem;min-height:2.75rem;cursor:pointer}
button:hover{background:#083b70}
:focus-visible{outline:3px solid #0b3d91;outline-offset:3px}
.error-summary{border:4px solid #b3261e;padding:1rem;margin:1rem 0 1.5rem}
.error-summary ul{margin:0;padding-left:1.25rem}
.error-summary a{color:#b3261e;font-weight:700}
.error{color:#b3261e;font-weight:700;margin:.25rem 0 .5rem}
.has-error{border-left:4px solid #b3261e;padding-left:.75rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
.trap{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
.privacy{border-top:1px solid #6b6b6b;margin-top:2rem;padding-top:1rem}
`;

export const RATING_LABELS = ['Heel ontevreden', 'Ontevreden', 'Niet tevreden en niet ontevreden', 'Tevreden', 'Heel tevreden'] as const;
export const FOUND_IT_LABELS = { yes: 'Ja', partly: 'Gedeeltelijk', no: 'Nee' } as const;

// Every interpolated text goes through the reports' escaping (the same five entities).
const e = (s: string) => escapeText(s);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** Each field's problem in words a user understands, with the field to go to. */
function dutchProblems(problems: readonly Problem[], fields: FormFields): Array<{ field: string; anchor: string; text: string }> {
  const out = new Map<string, { field: string; anchor: string; text: string }>();
  for (const p of problems) {
    if (p.path === 'rating') out.set('rating', { field: 'rating', anchor: 'rating-1', text: 'Kies hoe tevreden u bent.' });
    else if (p.path === 'foundIt') out.set('foundIt', { field: 'foundIt', anchor: 'foundIt-yes', text: 'Kies ja, gedeeltelijk of nee.' });
    else if (p.path === 'comment') {
      const length = characterCount((fields.comment ?? '').replace(/\r\n?/g, '\n').trim());
      out.set('comment', {
        field: 'comment',
        anchor: 'comment',
        text:
          length > MAX_COMMENT_CHARS
            ? `Uw opmerking is te lang: ${length.toLocaleString('nl-BE')} tekens. U kunt hoogstens ${MAX_COMMENT_CHARS.toLocaleString('nl-BE')} tekens schrijven.`
            : 'Uw opmerking bevat tekens die we niet kunnen bewaren. Typ ze opnieuw, zonder speciale tekens.',
      });
    } else out.set('form', { field: 'form', anchor: 'rating-1', text: 'Het formulier is niet goed verstuurd. Vul het opnieuw in.' });
  }
  return [...out.values()];
}

export interface FormPageInput {
  serviceName: string;
  /** where the form posts to */
  action: string;
  retentionDays: number;
  fields?: FormFields;
  problems?: readonly Problem[];
}

export function formPage(i: FormPageInput): string {
  const fields = i.fields ?? {};
  const errors = dutchProblems(i.problems ?? [], fields);
  const errorOf = (field: string) => errors.find((x) => x.field === field);
  const errorLine = (field: string) => {
    const x = errorOf(field);
    return x ? `<p class="error" id="${field}-error"><span class="visually-hidden">Fout: </span>${e(x.text)}</p>` : '';
  };
  const summary = errors.length
    ? `<div class="error-summary" role="alert" aria-labelledby="error-title">
<h2 id="error-title">Er is een probleem</h2>
<ul>${errors.map((x) => `<li><a href="#${x.anchor}">${e(x.text)}</a></li>`).join('')}</ul>
</div>`
    : '';
  const ratingError = errorOf('rating');
  const ratings = RATING_LABELS.map(
    (label, i) =>
      `<div class="choice"><input type="radio" id="rating-${i + 1}" name="rating" value="${i + 1}"${fields.rating === String(i + 1) ? ' checked' : ''}${i === 0 ? ' required' : ''}><label for="rating-${i + 1}">${i + 1} – ${e(label)}</label></div>`,
  ).join('\n');
  const foundIt = (Object.keys(FOUND_IT_LABELS) as Array<keyof typeof FOUND_IT_LABELS>)
    .map(
      (v) =>
        `<div class="choice"><input type="radio" id="foundIt-${v}" name="foundIt" value="${v}"${fields.foundIt === v ? ' checked' : ''}><label for="foundIt-${v}">${FOUND_IT_LABELS[v]}</label></div>`,
    )
    .join('\n');
  const commentError = errorOf('comment');
  const title = `Wat vindt u van ${i.serviceName}?`;
  return page(
    `${errors.length ? 'Fout: ' : ''}${title}`,
    `<h1>${e(title)}</h1>
<p>Uw mening helpt om deze digitale dienst beter te maken. Het invullen duurt ongeveer 1 minuut. U hoeft uw naam niet te geven.</p>
${summary}
<form method="post" action="${e(i.action)}" accept-charset="UTF-8" novalidate>
<fieldset${ratingError ? ' class="has-error" aria-describedby="rating-error"' : ''}>
<legend>Hoe tevreden bent u over deze dienst? <span class="hint">(verplicht)</span></legend>
${errorLine('rating')}
${ratings}
</fieldset>
<fieldset${errorOf('foundIt') ? ' class="has-error" aria-describedby="foundIt-error"' : ''}>
<legend>Vond u wat u zocht? <span class="hint">(niet verplicht)</span></legend>
${errorLine('foundIt')}
${foundIt}
</fieldset>
<div${commentError ? ' class="has-error"' : ''}>
<label class="block" for="comment">Wat kan er beter? <span class="hint">(niet verplicht)</span></label>
<p class="hint" id="comment-hint">Schrijf geen persoonlijke gegevens, zoals uw naam, adres, e-mailadres of telefoonnummer. U kunt ${MAX_COMMENT_CHARS.toLocaleString('nl-BE')} tekens schrijven.</p>
${errorLine('comment')}
<textarea id="comment" name="comment" rows="6" aria-describedby="comment-hint${commentError ? ' comment-error' : ''}"${commentError ? ' aria-invalid="true"' : ''}>${e(fields.comment ?? '')}</textarea>
</div>
<div class="trap" aria-hidden="true"><label for="${HONEYPOT_FIELD}">Laat dit veld leeg</label><input type="text" id="${HONEYPOT_FIELD}" name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off" value=""></div>
<p><button type="submit">Verstuur</button></p>
</form>
<div class="privacy">
<h2>Wat gebeurt er met uw antwoord?</h2>
<p>Alleen de organisatie die de dienst aanbiedt en het Stuurorgaan van de Vlaamse overheid lezen uw opmerking. E-mailadressen, telefoonnummers en rijksregisternummers maken we onleesbaar voor we uw opmerking bewaren. We bewaren uw opmerking ${i.retentionDays} dagen. Hoe tevreden gebruikers zijn, verschijnt zonder opmerkingen in een openbaar rapport.</p>
</div>`,
  );
}

export function thankYouPage(serviceName: string): string {
  return page(
    'Bedankt voor uw mening',
    `<h1>Bedankt voor uw mening</h1>
<p>We hebben uw antwoord goed ontvangen. Het helpt om ${e(serviceName)} beter te maken.</p>
<p>U kunt deze pagina nu sluiten.</p>`,
  );
}

export type MessageKind = 'not_found' | 'too_many' | 'too_large' | 'bad_request';

/** A page that says what went wrong and what to do now. */
export function messagePage(kind: MessageKind, o: { formUrl?: string; retryAfterSeconds?: number; perHour?: number } = {}): string {
  const back = o.formUrl ? `<p><a href="${e(o.formUrl)}">Terug naar het formulier</a></p>` : '';
  switch (kind) {
    case 'not_found':
      return page(
        'Deze pagina bestaat niet',
        `<h1>Deze pagina bestaat niet</h1>
<p>We kennen geen dienst op dit adres. Kijk na of het adres juist is, of gebruik de link op de website van de dienst.</p>`,
      );
    case 'too_many': {
      const minutes = Math.max(1, Math.ceil((o.retryAfterSeconds ?? 3600) / 60));
      return page(
        'U gaf al vaak uw mening',
        `<h1>U gaf al vaak uw mening</h1>
<p>U kunt voor deze dienst ${o.perHour ?? 'enkele'} keer per uur uw mening geven. Probeer het opnieuw over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}.</p>
${back}`,
      );
    }
    case 'too_large':
      return page(
        'Uw antwoord is te lang',
        `<h1>Uw antwoord is te lang</h1>
<p>Maak uw opmerking korter en probeer het opnieuw.</p>
${back}`,
      );
    case 'bad_request':
      return page(
        'Het formulier is niet goed verstuurd',
        `<h1>Het formulier is niet goed verstuurd</h1>
<p>Er ging iets mis bij het versturen. Vul het formulier opnieuw in.</p>
${back}`,
      );
  }
}
