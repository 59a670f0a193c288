// The committee's two pages for a browser (sign-in, not found): a module of
// their own so that the function serving the committee's files does not
// bundle the report domain that pages.ts draws on (docs/performance.md, cold load).
import { page } from './components/page.js';
import { html, toHtmlString } from './html.js';

/**
 * The committee's reports for a browser that has no (valid) key yet: what the
 * password prompt asks for. The answer is a 401, so the browser asks again on reload.
 */
export function committeeSignInPage(): string {
  return toHtmlString(
    page(
      'Aanmelden voor de rapporten van het Stuurorgaan',
      html`<header><h1>Aanmelden voor de rapporten van het Stuurorgaan</h1></header>
<main id="inhoud">
<p>Deze rapporten zijn vertrouwelijk. Uw browser vraagt daarom een gebruikersnaam en een wachtwoord.</p>
<ul>
<li><strong>Gebruikersnaam</strong>: vrij te kiezen, bijvoorbeeld uw naam.</li>
<li><strong>Wachtwoord</strong>: de sleutel van het Stuurorgaan. Die begint met <code>dds_</code>.</li>
</ul>
<p>Herlaad deze pagina om u opnieuw aan te melden. Hebt u geen sleutel, of werkt uw sleutel niet meer? Vraag een nieuwe aan de beheerders van de monitoring.</p>
</main>`,
    ),
  );
}

/** A committee address that holds no report, for a browser. */
export function committeeNotFoundPage(): string {
  return toHtmlString(
    page(
      'Niet gevonden — rapporten voor het Stuurorgaan',
      html`<header><h1>Dit rapport bestaat niet</h1></header>
<main id="inhoud">
<p>Op dit adres staat geen rapport. Misschien is het rapport van die periode nog niet gepubliceerd.</p>
<p><a href="/committee/">Naar alle rapporten voor het Stuurorgaan</a></p>
</main>`,
    ),
  );
}
