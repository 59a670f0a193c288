// How to read the figures: the rules behind them in plain language, at the end
// of both reports and on the list of all reports.
import { html } from '../html.js';
import { defineSection } from './section.js';

const ID = 'uitleg';
const TITLE = 'Hoe lezen we deze cijfers?';

export const HOW_TO_READ = html`<h2 id="${ID}">${TITLE}</h2>
<p>Met de digitale dienstverleningsstrategie willen de Vlaamse overheden dat iedereen zijn zaken digitaal kan regelen, en dat niemand wordt uitgesloten. Elke belangrijke digitale dienst wordt daarom vóór en na zijn vernieuwing getoetst aan 5 principes en 52 criteria. Per principe zijn er gebruikerscriteria (hoe merkt de gebruiker het?) en inclusiecriteria (nemen we iedereen mee?). Aan een criterium waaraan een dienst niet voldoet, hoort een uitleg (pas toe of leg uit).</p>
<ul>
<li><strong>Score van een dienst</strong>: het deel van de criteria waaraan hij voldoet. Criteria die niet van toepassing zijn, tellen niet mee. <strong>Goed</strong> is minstens 80 %, <strong>gedeeltelijk</strong> minder dan 80 %, <strong>niet</strong> is 0 %.</li>
<li><strong>Welke toetsing telt</strong>: de meest recente toetsing na de vernieuwing, of anders die ervoor, gedaan tegen het einde van de periode.</li>
<li><strong>Significante dienst</strong>: een budget van meer dan 500.000 euro of meer dan 100.000 gebruikers. Die dienst moet getoetst worden.</li>
<li><strong>Aangeboden diensten</strong>: zoals de e-loketten ze melden. Een nieuwe melding voor dezelfde periode vervangt de vorige.</li>
<li><strong>Geen gegevens</strong>: wie niets meldde, staat als "geen gegevens", nooit als 0.</li>
</ul>`;

export const howToReadSection = defineSection({
  id: ID,
  title: TITLE,
  in: { public: 90, committee: 120 },
  model: () => null,
  html: () => HOW_TO_READ,
});
