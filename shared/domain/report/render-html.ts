// Static, script-free HTML for the reports: Dutch, plain language, readable
// on a phone, every chart an inline SVG followed by a table of its numbers and
// a CSV download. Every interpolated text goes through escape-html.
import escapeHtml from 'escape-html';
import { PERSPECTIVE_NAMES, PRINCIPLE_NAMES, PRINCIPLES, type Principle } from '../catalog.js';
import { CHANNELS } from '../service-counts.js';
import type { Band } from '../scoring.js';
import { count, NO_DATA, percent, points, toNumber } from './format.js';
import {
  BAND_COLOURS,
  BAND_LABELS,
  BAND_SHORT,
  CHANNEL_COLOURS,
  CHANNEL_LABELS,
  formatDateTime,
  periodLabel,
  periodShort,
  SERIES_COLOURS,
  SEVERITY_LABELS,
  TARGET_GROUP_LABELS,
} from './labels.js';
import type { BandCounts, CommitteeReport, PublicReport } from './report-model.js';

const e = (s: string | number): string => escapeHtml(String(s));
const BANDS: Band[] = ['good', 'partial', 'none'];
type Figures = Omit<PublicReport, 'kind'>;

/** The files of a report beside its index.html, linked from the page. */
export const PUBLIC_CSV = {
  bands: 'indicators.csv',
  reworked: 'vernieuwde-diensten.csv',
  evolution: 'e-loketten.csv',
  channels: 'kanalen.csv',
} as const;
export const COMMITTEE_CSV = {
  services: 'diensten.csv',
  explanations: 'explanations.csv',
  criteria: 'criteria.csv',
  findings: 'bevindingen.csv',
} as const;

const STYLE = `
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1rem;line-height:1.5;color:#1c1c1c;background:#fff;margin:0}
main,header,footer{max-width:62rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem;border-bottom:4px solid #ffe615}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.3rem;margin-top:2.5rem}
h3{font-size:1.1rem;margin-top:1.5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #8a8f98;padding:.35rem .5rem;text-align:right;vertical-align:top}
th[scope=row],thead th:first-child,td.text{text-align:left}
thead th{background:#f1f2f4}
.table-wrap{overflow-x:auto;margin-bottom:.5rem}
.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;margin:.5rem 0;list-style:none}
.swatch{display:inline-block;width:1rem;height:1rem;vertical-align:-.15rem;margin-right:.35rem;border:1px solid #1c1c1c}
.note{color:#3d3f42}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.75rem;padding:0;list-style:none}
.kpis li{border:1px solid #8a8f98;border-radius:.25rem;padding:.75rem}
.kpis strong{display:block;font-size:1.5rem}
a{color:#0b4ea2}
a:focus-visible{outline:3px solid #0b4ea2;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}
svg{max-width:100%;height:auto;display:block;margin:.5rem 0}
.sev-error{color:#b3261e;font-weight:600}
.sev-warning{color:#8a4f00;font-weight:600}
summary{cursor:pointer;color:#0b4ea2;text-decoration:underline;margin:.5rem 0}
footer{margin-top:3rem;padding-bottom:2rem;border-top:1px solid #8a8f98}
@media (max-width:40rem){table{font-size:.875rem}th,td{padding:.25rem .35rem}th[scope=row]{font-weight:600}h1{font-size:1.4rem}}
`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<a class="skip" href="#inhoud">Naar de inhoud</a>
${body}
</body>
</html>
`;
}

const legend = (items: Array<{ colour: string; label: string }>) =>
  `<ul class="legend">${items.map((i) => `<li><span class="swatch" style="background:${i.colour}"></span>${e(i.label)}</li>`).join('')}</ul>`;

const csvLink = (href: string, what: string) => `<p><a href="${e(href)}" download>Download ${e(what)} als CSV</a></p>`;

// A wide table scrolls sideways on a phone; the region takes focus so keyboard users can scroll it too.
const wrapTable = (caption: string, head: string[], rows: string[]) =>
  `<div class="table-wrap" role="region" tabindex="0" aria-label="${e(caption)}"><table>
<caption>${e(caption)}</caption>
<thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody></table></div>`;

/** Horizontal stacked bars, each under its label so it reads on a phone; `parts` are already in order. */
function stackedBars(
  label: string,
  rows: Array<{ name: string; parts: Array<{ value: number; colour: string }> }>,
  emptyText = NO_DATA,
): string {
  const W = 360;
  const rowH = 46;
  const height = rows.length * rowH;
  const body = rows
    .map((r, i) => {
      const y = i * rowH;
      const total = r.parts.reduce((a, p) => a + p.value, 0);
      let x = 0;
      const bars =
        total === 0
          ? `<text x="0" y="${y + 36}" font-size="13" fill="#3d3f42">${e(emptyText)}</text>`
          : r.parts
              .map((p) => {
                const w = (p.value / total) * W;
                const rect =
                  w > 0
                    ? `<rect x="${x.toFixed(2)}" y="${y + 21}" width="${w.toFixed(2)}" height="18" fill="${p.colour}" stroke="#fff" stroke-width="1"/>`
                    : '';
                x += w;
                return rect;
              })
              .join('');
      return `<text x="0" y="${y + 15}" font-size="14" fill="#1c1c1c">${e(r.name)}</text>${bars}`;
    })
    .join('');
  return `<svg role="img" aria-label="${e(label)}" viewBox="0 0 ${W} ${height}" width="${W * 1.5}" height="${height * 1.5}" xmlns="http://www.w3.org/2000/svg">${body}</svg>`;
}

function bandsSection(r: Figures): string {
  const rows = PRINCIPLES.flatMap((p) => (['G', 'I'] as const).map((v) => ({ p, v, c: r.assessments.bands[p][v] })));
  const summary = rows
    .map(
      ({ p, v, c }) =>
        `${PRINCIPLE_NAMES[p]}, ${PERSPECTIVE_NAMES[v].toLowerCase()}: ${c.good} goed, ${c.partial} gedeeltelijk, ${c.none} niet`,
    )
    .join('; ');
  const chart = stackedBars(
    `Aantal diensten per score, ${periodLabel(r.period.id)}: ${summary}`,
    rows.map(({ p, v, c }) => ({
      name: `${PRINCIPLE_NAMES[p]} (${v === 'G' ? 'gebruikers' : 'inclusie'})`,
      parts: BANDS.map((b) => ({ value: c[b], colour: BAND_COLOURS[b] })),
    })),
  );
  const cells = (c: BandCounts) => [...BANDS, 'n/a' as const].map((b) => `<td>${c[b]}</td>`).join('');
  const tableRows = [...PRINCIPLES, 'all' as const].flatMap((p) =>
    (['G', 'I', 'all'] as const).map((v) => {
      const name = p === 'all' ? 'Alle principes' : PRINCIPLE_NAMES[p as Principle];
      const persp = v === 'all' ? 'alle criteria' : PERSPECTIVE_NAMES[v].toLowerCase();
      return `<tr><th scope="row">${e(name)} — ${e(persp)}</th>${cells(r.assessments.bands[p][v])}</tr>`;
    }),
  );
  return `<h2 id="principes">Hoe scoren de diensten per principe?</h2>
<p>Per principe: hoeveel diensten goed, gedeeltelijk of niet scoren, op de gebruikerscriteria en op de inclusiecriteria (${e(periodLabel(r.period.id))}).</p>
${legend(BANDS.map((b) => ({ colour: BAND_COLOURS[b], label: BAND_LABELS[b] })))}
${chart}
${wrapTable(`Aantal diensten per principe en score, ${periodLabel(r.period.id)}`, ['Principe en perspectief', ...BANDS.map((b) => BAND_SHORT[b]), BAND_SHORT['n/a']], tableRows)}
${csvLink(PUBLIC_CSV.bands, 'deze tabel')}`;
}

function reworkedSection(r: Figures): string {
  const w = r.reworked;
  if (w.services.length === 0) {
    return `<h2 id="vernieuwd">Vernieuwde diensten: vóór en na</h2><p>Voor ${e(periodLabel(r.period.id))} is er nog geen dienst die zowel vóór als na de vernieuwing getoetst is. Er zijn dus geen gegevens om te vergelijken.</p>`;
  }
  const chart = stackedBars(
    `Vernieuwde diensten, ${periodLabel(r.period.id)}: ${w.improved} beter, ${w.unchanged} gelijk, ${w.worse} minder goed`,
    [
      {
        name: 'beter',
        parts: [
          { value: w.improved, colour: BAND_COLOURS.good },
          { value: w.services.length - w.improved, colour: '#e4e6ea' },
        ],
      },
      {
        name: 'gelijk',
        parts: [
          { value: w.unchanged, colour: BAND_COLOURS['n/a'] },
          { value: w.services.length - w.unchanged, colour: '#e4e6ea' },
        ],
      },
      {
        name: 'minder goed',
        parts: [
          { value: w.worse, colour: BAND_COLOURS.none },
          { value: w.services.length - w.worse, colour: '#e4e6ea' },
        ],
      },
    ],
  );
  const phaseCell = (p: { assessedOn: string; score: number | null; band: Band }) =>
    `<td>${e(percent(p.score))}<br><span class="note">${e(BAND_SHORT[p.band])}, ${e(p.assessedOn)}</span></td>`;
  const rows = w.services.map(
    (s) =>
      `<tr><th scope="row">${e(s.name)}<br><span class="note">${e(s.organisationName)}</span></th>${phaseCell(s.pre)}${phaseCell(s.post)}<td>${e(points(s.change))}</td></tr>`,
  );
  return `<h2 id="vernieuwd">Vernieuwde diensten: vóór en na</h2>
<p>${w.services.length} diensten zijn vóór én na hun vernieuwing getoetst. ${w.improved} scoren nu beter, ${w.unchanged} gelijk en ${w.worse} minder goed (score over alle criteria).</p>
${chart}
${wrapTable(`Score over alle criteria vóór en na de vernieuwing, stand ${periodLabel(r.period.id)}`, ['Dienst', 'Vóór', 'Na', 'Verschil'], rows)}
${csvLink(PUBLIC_CSV.reworked, 'deze tabel')}`;
}

function evolutionChart(r: Figures): string {
  const { quarters, eloketten } = r.evolution;
  const W = 360;
  const H = 220;
  const left = 44;
  const bottom = 40;
  const top = 10;
  const max = Math.max(1, ...eloketten.flatMap((el) => el.points.map((p) => toNumber(p.servicesOffered))));
  const x = (i: number) => left + (i * (W - left - 20)) / Math.max(1, quarters.length - 1);
  const y = (v: number) => top + (H - top - bottom) * (1 - v / max);
  const axis = `<line x1="${left}" y1="${H - bottom}" x2="${W - 10}" y2="${H - bottom}" stroke="#1c1c1c"/><line x1="${left}" y1="${top}" x2="${left}" y2="${H - bottom}" stroke="#1c1c1c"/>`;
  // Quarter on the first line, the year under it where it changes.
  const ticks = quarters
    .map((q, i) => {
      const [year, quarter] = q.split('-') as [string, string];
      const showYear = i === 0 || quarters[i - 1]!.slice(0, 4) !== year;
      return `<text x="${x(i).toFixed(1)}" y="${H - bottom + 15}" font-size="11" text-anchor="middle">${e(quarter.replace('Q', 'K'))}</text>${showYear ? `<text x="${x(i).toFixed(1)}" y="${H - bottom + 29}" font-size="11" text-anchor="middle">${e(year)}</text>` : ''}`;
    })
    .join('');
  const yTicks = [0, 0.5, 1]
    .map(
      (f) =>
        `<text x="${left - 6}" y="${(y(max * f) + 4).toFixed(1)}" font-size="11" text-anchor="end">${e(count(Math.round(max * f)))}</text>`,
    )
    .join('');
  const series = eloketten
    .map((el, si) => {
      const colour = SERIES_COLOURS[si % SERIES_COLOURS.length]!;
      // A quarter without data breaks the line: no data is not drawn as 0.
      const segments: string[][] = [[]];
      el.points.forEach((p, i) => {
        if (p.servicesOffered === null) segments.push([]);
        else segments[segments.length - 1]!.push(`${x(i).toFixed(1)},${y(toNumber(p.servicesOffered)).toFixed(1)}`);
      });
      const lines = segments
        .filter((s) => s.length > 1)
        .map((s) => `<polyline fill="none" stroke="${colour}" stroke-width="2.5" points="${s.join(' ')}"/>`)
        .join('');
      const dots = el.points
        .map((p, i) =>
          p.servicesOffered === null
            ? ''
            : `<circle cx="${x(i).toFixed(1)}" cy="${y(toNumber(p.servicesOffered)).toFixed(1)}" r="3.5" fill="${colour}"/>`,
        )
        .join('');
      return lines + dots;
    })
    .join('');
  const summary = eloketten
    .map((el) => `${el.name}: ${el.points.map((p) => `${periodShort(p.quarter)} ${count(p.servicesOffered)}`).join(', ')}`)
    .join('; ');
  return `<svg role="img" aria-label="${e(`Aangeboden diensten per e-loket over acht kwartalen: ${summary}`)}" viewBox="0 0 ${W} ${H}" width="${W * 1.6}" height="${H * 1.6}" xmlns="http://www.w3.org/2000/svg">${axis}${ticks}${yTicks}${series}</svg>`;
}

function eloketSection(r: Figures): string {
  const { quarters, eloketten } = r.evolution;
  const evoRows = eloketten.map(
    (el) => `<tr><th scope="row">${e(el.name)}</th>${el.points.map((p) => `<td>${e(count(p.servicesOffered))}</td>`).join('')}</tr>`,
  );
  const periodRows = r.eloketten.flatMap(({ name, figure }) =>
    figure.status === 'no_data'
      ? [`<tr><th scope="row">${e(name)}</th><td class="text">alle</td><td>${e(NO_DATA)}</td><td>${e(NO_DATA)}</td></tr>`]
      : [
          ...Object.entries(figure.byTargetGroup).map(
            ([g, n]) =>
              `<tr><th scope="row">${e(name)}</th><td class="text">${e(TARGET_GROUP_LABELS[g] ?? g)}</td><td>${e(count(n))}</td><td></td></tr>`,
          ),
          `<tr><th scope="row">${e(name)}</th><td class="text"><strong>totaal</strong></td><td><strong>${e(count(figure.servicesOffered))}</strong></td><td>${e(count(figure.providers))}</td></tr>`,
        ],
  );
  return `<h2 id="e-loketten">Hoeveel diensten bieden de e-loketten aan?</h2>
<p>De vier hoofd-e-loketten (één per doelgroep) melden hoeveel digitale diensten de overheden via hen aanbieden. Een kwartaal dat in maanden gemeld is, telt met de laatste gemelde maand.</p>
${legend(eloketten.map((el, i) => ({ colour: SERIES_COLOURS[i % SERIES_COLOURS.length]!, label: el.name })))}
${evolutionChart(r)}
${wrapTable(`Aangeboden diensten per e-loket, ${periodShort(quarters[0]!)} tot ${periodShort(quarters.at(-1)!)}`, ['E-loket', ...quarters.map(periodShort)], evoRows)}
${csvLink(PUBLIC_CSV.evolution, 'deze tabel')}
<h3>Per doelgroep, ${e(periodLabel(r.period.id))}</h3>
${wrapTable(`Aangeboden diensten per e-loket en doelgroep, ${periodLabel(r.period.id)}`, ['E-loket', 'Doelgroep', 'Diensten', 'Dienstverleners'], periodRows)}`;
}

function channelSection(r: Figures): string {
  const rows = r.eloketten.map(({ name, figure }) => ({ name, figure }));
  const chart = stackedBars(
    `Interacties per kanaal, ${periodLabel(r.period.id)}: ${rows.map(({ name, figure }) => (figure.status === 'no_data' ? `${name}: ${NO_DATA}` : `${name}: digitaal aandeel ${percent(figure.digitalShare)}`)).join('; ')}`,
    rows.map(({ name, figure }) => ({
      name,
      parts: figure.status === 'no_data' ? [] : CHANNELS.map((c) => ({ value: toNumber(figure.volumes[c]), colour: CHANNEL_COLOURS[c] })),
    })),
  );
  const tableRows = [...rows, { name: 'Alle e-loketten samen', figure: r.all }].map(({ name, figure }) =>
    figure.status === 'no_data'
      ? `<tr><th scope="row">${e(name)}</th><td colspan="${CHANNELS.length + 3}" class="text">${e(NO_DATA)}</td></tr>`
      : `<tr><th scope="row">${e(name)}</th>${CHANNELS.map((c) => `<td>${e(count(figure.volumes[c]))}</td>`).join('')}<td>${e(count(figure.volumes.total))}</td><td>${figure.volumes.rowsWithData} van ${figure.volumes.rows}</td><td>${e(percent(figure.digitalShare))}</td></tr>`,
  );
  return `<h2 id="kanalen">Digitaal, telefonisch of aan het loket?</h2>
<p>De strategie vraagt om gebruikers eerst online te helpen (click), dan via telefoon of e-mail (call), en pas als dat niet lukt persoonlijk (connect). Het digitale aandeel is het aantal online interacties gedeeld door alle interacties, over de meldingen die cijfers per kanaal bevatten.</p>
${legend(CHANNELS.map((c) => ({ colour: CHANNEL_COLOURS[c], label: CHANNEL_LABELS[c] })))}
${chart}
${wrapTable(`Interacties per kanaal, ${periodLabel(r.period.id)}`, ['E-loket', ...CHANNELS.map((c) => c), 'Totaal', 'Meldingen met cijfers', 'Digitaal aandeel'], tableRows)}
${csvLink(PUBLIC_CSV.channels, 'deze tabel')}`;
}

const HOW = `<h2 id="uitleg">Hoe lezen we deze cijfers?</h2>
<p>Met de digitale dienstverleningsstrategie willen de Vlaamse overheden dat iedereen zijn zaken digitaal kan regelen, en dat niemand wordt uitgesloten. Elke belangrijke digitale dienst wordt daarom vóór en na zijn vernieuwing getoetst aan 5 principes en 52 criteria. Per principe zijn er gebruikerscriteria (hoe merkt de gebruiker het?) en inclusiecriteria (nemen we iedereen mee?). Aan een criterium waaraan een dienst niet voldoet, hoort een uitleg (pas toe of leg uit).</p>
<ul>
<li><strong>Score van een dienst</strong>: het deel van de criteria waaraan hij voldoet. Criteria die niet van toepassing zijn, tellen niet mee. <strong>Goed</strong> is minstens 80 %, <strong>gedeeltelijk</strong> minder dan 80 %, <strong>niet</strong> is 0 %.</li>
<li><strong>Welke toetsing telt</strong>: de meest recente toetsing na de vernieuwing, of anders die ervoor, gedaan tegen het einde van de periode.</li>
<li><strong>Significante dienst</strong>: een budget van meer dan 500.000 euro of meer dan 100.000 gebruikers. Die dienst moet getoetst worden.</li>
<li><strong>Aangeboden diensten</strong>: zoals de e-loketten ze melden. Een nieuwe melding voor dezelfde periode vervangt de vorige.</li>
<li><strong>Geen gegevens</strong>: wie niets meldde, staat als "geen gegevens", nooit als 0.</li>
</ul>`;

function provenance(r: Figures): string {
  return `<footer><p class="note">Periode: ${e(r.period.start)} tot en met ${e(r.period.end)}. Gebaseerd op de gegevens tot ${e(formatDateTime(r.asOf))}. Versie van de berekening: ${e(r.codeVersion)}.</p></footer>`;
}

function kpis(r: Figures): string {
  const a = r.assessments;
  return `<h2 id="kort">In het kort: ${e(periodLabel(r.period.id))}</h2>
<ul class="kpis">
<li><strong>${e(count(a.services))}</strong> getoetste diensten</li>
<li><strong>${e(count(a.bands.all.all.good))}</strong> diensten scoren goed op alle criteria samen</li>
<li><strong>${e(count(r.reworked.improved))}</strong> vernieuwde diensten scoren beter</li>
<li><strong>${e(r.all.status === 'no_data' ? NO_DATA : count(r.all.servicesOffered))}</strong> diensten via de e-loketten</li>
<li><strong>${e(r.all.status === 'no_data' ? NO_DATA : percent(r.all.digitalShare))}</strong> van de interacties verloopt online</li>
</ul>`;
}

export function publicReportHtml(r: PublicReport): string {
  const label = periodLabel(r.period.id);
  const assessed =
    r.assessments.services === 0
      ? `<h2 id="principes">Hoe scoren de diensten per principe?</h2><p>Voor ${e(label)} zijn er nog geen toetsingen. Er zijn dus geen gegevens om te tonen.</p>`
      : bandsSection(r);
  return page(
    `Transparantierapport digitale dienstverlening — ${label}`,
    `<header><p><a href="../">Alle rapporten</a></p><h1>Hoe goed presteert de digitale dienstverlening? Cijfers over ${e(label)}</h1></header>
<main id="inhoud">
<p>Dit rapport toont hoe de digitale diensten van de Vlaamse overheden het doen, welke diensten vernieuwd zijn en hoe de e-loketten gebruikt worden. Alle cijfers gaan over ${e(label)} (${e(r.period.start)} tot en met ${e(r.period.end)}), tenzij anders vermeld.</p>
${kpis(r)}
${assessed}
${reworkedSection(r)}
${eloketSection(r)}
${channelSection(r)}
${HOW}
<p><a href="report.json">Alle cijfers als JSON</a></p>
</main>
${provenance(r)}`,
  );
}

export function committeeReportHtml(r: CommitteeReport): string {
  const label = periodLabel(r.period.id);
  const phase = (p: CommitteeReport['domains'][number]['organisations'][number]['services'][number]['pre']) =>
    p
      ? `<td>${e(percent(p.score))}<br><span class="note">${e(BAND_SHORT[p.band])}, ${e(p.assessedOn)}</span></td>`
      : `<td class="text">geen toetsing</td>`;
  const domains = r.domains
    .map(
      (d) =>
        `<h3>${e(d.policyDomain)}</h3>\n${wrapTable(
          `Getoetste diensten in ${d.policyDomain}, stand ${label}`,
          ['Organisatie / dienst', 'Significant', 'Vóór', 'Na'],
          d.organisations.flatMap((o) =>
            o.services.map(
              (s) =>
                `<tr><th scope="row">${e(o.name)} / ${e(s.name)}</th><td>${s.significant ? 'ja' : 'nee'}</td>${phase(s.pre)}${phase(s.post)}</tr>`,
            ),
          ),
        )}`,
    )
    .join('\n');
  const explanations = r.explanations.map(
    (x) =>
      `<tr><th scope="row">${e(x.organisationId)} / ${e(x.serviceId)}</th><td>${e(x.phase === 'pre' ? 'vóór' : 'na')}</td><td>${e(x.criterionId)}</td><td class="text">${e(x.explanation)}</td></tr>`,
  );
  const owing =
    r.owing.length === 0
      ? '<p>Alle significante diensten zijn vóór en na hun vernieuwing getoetst.</p>'
      : wrapTable(
          `Significante diensten die nog een toetsing verschuldigd zijn, stand ${label}`,
          ['Organisatie / dienst', 'Verschuldigd'],
          r.owing.map(
            (o) =>
              `<tr><th scope="row">${e(o.organisationName)} / ${e(o.name)}</th><td class="text">${o.owes === 'pre' ? 'toetsing vóór de vernieuwing' : 'toetsing na de vernieuwing (zodra ze in gebruik is)'}</td></tr>`,
          ),
        );
  const criteria = wrapTable(
    `Aandeel van de diensten dat aan elk criterium voldoet, laagste eerst, stand ${label}`,
    ['Criterium', 'Omschrijving', 'Voldaan', 'Niet voldaan', 'N.v.t.', 'Aandeel voldaan'],
    r.criteria.map(
      (c) =>
        `<tr><th scope="row">${e(c.criterionId)}</th><td class="text">${e(c.text)}</td><td>${c.met}</td><td>${c.notMet}</td><td>${c.notApplicable}</td><td>${e(percent(c.share))}</td></tr>`,
    ),
  );
  const missing =
    r.missingCounts.length === 0
      ? `<p>Alle hoofd-e-loketten meldden cijfers voor ${e(label)}.</p>`
      : `<ul>${r.missingCounts.map((m) => `<li>${e(m.name)}: geen cijfers voor ${e(label)}</li>`).join('')}</ul>`;
  const findings =
    r.findings.length === 0
      ? '<p>Geen bevindingen.</p>'
      : wrapTable(
          `Bevindingen over de gegevens, ${label}`,
          ['Ernst', 'Bevinding'],
          r.findings.map(
            (f) =>
              `<tr><td class="text sev-${f.severity}">${e(SEVERITY_LABELS[f.severity])}</td><td class="text">${e(f.message)}</td></tr>`,
          ),
        );
  return page(
    `Rapport voor het Stuurorgaan — ${label}`,
    `<header><h1>Rapport voor het Stuurorgaan: ${e(label)}</h1><p class="note">Vertrouwelijk: dit rapport bevat toelichtingen per organisatie.</p></header>
<main id="inhoud">
${kpis(r)}
<h2 id="bevindingen">Bevindingen over de gegevens</h2>
${findings}
${csvLink(COMMITTEE_CSV.findings, 'de bevindingen')}
<h2 id="niet-gemeld">Wie meldde niets?</h2>
${missing}
<h2 id="verschuldigd">Verschuldigde toetsingen</h2>
${owing}
${r.assessments.services === 0 ? '' : bandsSection(r)}
<h2 id="diensten">Diensten per beleidsdomein en organisatie</h2>
${domains || '<p>Geen getoetste diensten.</p>'}
${csvLink(COMMITTEE_CSV.services, 'alle diensten')}
<h2 id="criteria">Welke criteria worden het minst gehaald?</h2>
<p>Criteria waaraan weinig diensten voldoen, wijzen op een gemeenschappelijk probleem dat een gedeelde oplossing kan vragen.</p>
${criteria}
${csvLink(COMMITTEE_CSV.criteria, 'deze tabel')}
<h2 id="toelichtingen">Niet voldaan, met toelichting (pas toe of leg uit)</h2>
<p>${r.explanations.length} keer voldoet een dienst niet aan een criterium; bij elk staat de uitleg van de dienstverlener.</p>
<details><summary>Toon alle ${r.explanations.length} toelichtingen</summary>
${wrapTable('Criteria waaraan niet voldaan is, met de uitleg van de dienstverlener', ['Organisatie / dienst', 'Fase', 'Criterium', 'Toelichting'], explanations)}
</details>
${csvLink(COMMITTEE_CSV.explanations, 'de toelichtingen')}
${reworkedSection(r)}
${eloketSection(r)}
${channelSection(r)}
${HOW}
<p><a href="report.json">Alle cijfers als JSON</a></p>
</main>
${provenance(r)}`,
  );
}

export function reportsIndexHtml(periods: readonly string[]): string {
  const items = [...periods]
    .sort()
    .reverse()
    .map(
      (p) =>
        `<li><a href="${e(p)}/">${e(periodLabel(p))}</a> (<a href="${e(p)}/indicators.csv">CSV</a>, <a href="${e(p)}/report.json">JSON</a>)</li>`,
    )
    .join('\n');
  return page(
    'Transparantierapporten digitale dienstverlening',
    `<header><h1>Transparantierapporten digitale dienstverlening</h1></header>
<main id="inhoud">
<p>Hier volgt u in alle transparantie hoe goed de digitale dienstverlening van de Vlaamse overheden presteert. Kies een periode.</p>
<p><a href="latest/">Het meest recente rapport</a></p>
<ul>
${items}
</ul>
${HOW}
</main>`,
  );
}
