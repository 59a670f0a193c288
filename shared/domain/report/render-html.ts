// Static, script-free HTML for the reports: Dutch, plain language, readable
// on a phone, every chart an inline SVG followed by a table of its numbers.
// Every interpolated text goes through escape-html.
import escapeHtml from 'escape-html';
import { PERSPECTIVE_NAMES, PRINCIPLE_NAMES, PRINCIPLES, type Principle } from '../catalog.js';
import type { Band } from '../scoring.js';
import { BAND_COLOURS, BAND_LABELS, BAND_SHORT, formatDateTime, periodLabel } from './labels.js';
import type { BandCounts, CommitteeReport, PublicReport } from './report-model.js';

const e = (s: string | number): string => escapeHtml(String(s));
const BANDS: Band[] = ['good', 'partial', 'none'];
type Figures = Omit<PublicReport, 'kind'>;

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1c1c1c;background:#fff;margin:0}
main,header,footer{max-width:60rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.6rem;line-height:1.25}
h2{font-size:1.3rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #c4c7cc;padding:.35rem .5rem;text-align:right}
th[scope=row],thead th:first-child{text-align:left}
.table-wrap{overflow-x:auto}
.legend{display:flex;flex-wrap:wrap;gap:.75rem;padding:0;list-style:none}
.swatch{display:inline-block;width:1rem;height:1rem;vertical-align:-.15rem;margin-right:.3rem;border:1px solid #1c1c1c}
.note{color:#3d3f42}
a{color:#0b4ea2}
a:focus,a:hover{outline:2px solid #0b4ea2;outline-offset:2px}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
svg{max-width:100%;height:auto}
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

function legend(): string {
  return `<ul class="legend">${BANDS.map((b) => `<li><span class="swatch" style="background:${BAND_COLOURS[b]}"></span>${e(BAND_LABELS[b])}</li>`).join('')}</ul>`;
}

/** Horizontal stacked bars, one per principle and perspective; the table after it carries the same numbers. */
function bandsChart(report: Figures): string {
  const rowH = 22;
  const labelW = 190;
  const barW = 400;
  const rows = PRINCIPLES.flatMap((p) => (['G', 'I'] as const).map((v) => ({ p, v, c: report.assessments.bands[p][v] })));
  const height = rows.length * (rowH + 6) + 4;
  const bars = rows
    .map(({ p, v, c }, i) => {
      const y = i * (rowH + 6) + 2;
      const total = c.good + c.partial + c.none;
      let x = labelW;
      const parts = total === 0 ? '' : BANDS.map((b) => {
        const w = (c[b] / total) * barW;
        const rect = w > 0 ? `<rect x="${x.toFixed(2)}" y="${y}" width="${w.toFixed(2)}" height="${rowH}" fill="${BAND_COLOURS[b]}"/>` : '';
        x += w;
        return rect;
      }).join('');
      const label = `${p} ${v === 'G' ? 'gebruikers' : 'inclusie'}`;
      const empty = total === 0 ? `<text x="${labelW + 4}" y="${y + 15}" font-size="13">geen gegevens</text>` : '';
      return `<text x="0" y="${y + 15}" font-size="13">${e(label)}</text>${parts}${empty}`;
    })
    .join('');
  const summary = rows.map(({ p, v, c }) => `${PRINCIPLE_NAMES[p]}, ${PERSPECTIVE_NAMES[v].toLowerCase()}: ${c.good} goed, ${c.partial} gedeeltelijk, ${c.none} niet`).join('; ');
  return `<svg role="img" aria-label="${e(`Aantal diensten per score: ${summary}`)}" viewBox="0 0 ${labelW + barW + 4} ${height}" width="${labelW + barW + 4}" height="${height}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

function bandsTable(report: Figures, csvHref: string): string {
  const cell = (c: BandCounts) => BANDS.map((b) => `<td>${c[b]}</td>`).join('') + `<td>${c['n/a']}</td>`;
  const rows = [...PRINCIPLES, 'all' as const]
    .flatMap((p) =>
      (['G', 'I', 'all'] as const).map((v) => {
        const name = p === 'all' ? 'Alle principes' : PRINCIPLE_NAMES[p as Principle];
        const persp = v === 'all' ? 'alle criteria' : PERSPECTIVE_NAMES[v].toLowerCase();
        return `<tr><th scope="row">${e(name)} — ${e(persp)}</th>${cell(report.assessments.bands[p][v])}</tr>`;
      }),
    )
    .join('\n');
  return `<div class="table-wrap"><table>
<caption>Aantal diensten per principe en score, ${e(periodLabel(report.period.id))}</caption>
<thead><tr><th scope="col">Principe en perspectief</th>${BANDS.map((b) => `<th scope="col">${e(BAND_SHORT[b])}</th>`).join('')}<th scope="col">${e(BAND_SHORT['n/a'])}</th></tr></thead>
<tbody>
${rows}
</tbody></table></div>
<p><a href="${e(csvHref)}" download>Download deze tabel als CSV</a></p>`;
}

function provenance(report: Figures): string {
  return `<footer><p class="note">Periode: ${e(report.period.start)} tot en met ${e(report.period.end)}. Gegevens tot ${e(formatDateTime(report.asOf))}. Versie van de berekening: ${e(report.codeVersion)}.</p></footer>`;
}

const HOW = `<h2>Hoe lezen?</h2>
<p>Elke belangrijke digitale dienst van de Vlaamse overheid wordt getoetst aan 5 principes en 52 criteria van de digitale dienstverleningsstrategie, vóór en na de vernieuwing. Per principe zijn er gebruikerscriteria (hoe merkt de gebruiker het?) en inclusiecriteria (nemen we iedereen mee?).</p>
<p>Een dienst scoort <strong>goed</strong> op een groep criteria als hij aan minstens 80 % ervan voldoet, <strong>gedeeltelijk</strong> bij minder dan 80 %, en <strong>niet</strong> als hij aan geen enkel criterium voldoet. Criteria die niet van toepassing zijn, tellen niet mee. We tellen elke dienst één keer, met zijn meest recente toetsing na de vernieuwing, of anders die vóór de vernieuwing.</p>`;

export function publicReportHtml(report: PublicReport): string {
  const label = periodLabel(report.period.id);
  const a = report.assessments;
  const figures =
    a.services === 0
      ? `<p>Voor ${e(label)} zijn er nog geen toetsingen. Er zijn dus geen gegevens om te tonen.</p>`
      : `<p>In ${e(label)} waren <strong>${a.services}</strong> digitale diensten getoetst (${a.withPre} vóór en ${a.withPost} na hun vernieuwing); ${a.significant} daarvan zijn significant (budget boven 500.000 euro of meer dan 100.000 gebruikers).</p>
<h2>Hoe scoren de diensten per principe?</h2>
${legend()}
${bandsChart(report)}
${bandsTable(report, 'indicators.csv')}`;
  return page(
    `Transparantierapport digitale dienstverlening — ${label}`,
    `<header><p><a href="../">Alle rapporten</a></p><h1>Hoe goed presteert de digitale dienstverlening? ${e(label)}</h1></header>
<main id="inhoud">
${figures}
${HOW}
<p><a href="report.json">Alle cijfers als JSON</a></p>
</main>
${provenance(report)}`,
  );
}

export function committeeReportHtml(report: CommitteeReport): string {
  const label = periodLabel(report.period.id);
  const band = (b: Band | undefined) => (b ? e(BAND_SHORT[b]) : '—');
  const serviceRows = report.services
    .map(
      (s) =>
        `<tr><th scope="row">${e(s.organisationId)} / ${e(s.name)}</th><td>${s.significant ? 'ja' : 'nee'}</td><td>${s.pre ? e(s.pre.assessedOn) : 'geen'}</td><td>${band(s.pre?.bands.all.all)}</td><td>${s.post ? e(s.post.assessedOn) : 'geen'}</td><td>${band(s.post?.bands.all.all)}</td></tr>`,
    )
    .join('\n');
  const explanationRows = report.explanations
    .map((x) => `<tr><th scope="row">${e(x.organisationId)} / ${e(x.serviceId)}</th><td>${e(x.phase)}</td><td>${e(x.criterionId)}</td><td style="text-align:left">${e(x.explanation)}</td></tr>`)
    .join('\n');
  return page(
    `Rapport voor het Stuurorgaan — ${label}`,
    `<header><h1>Rapport voor het Stuurorgaan: ${e(label)}</h1><p class="note">Vertrouwelijk: dit rapport bevat toelichtingen per organisatie.</p></header>
<main id="inhoud">
<h2>Scores per principe</h2>
${legend()}
${bandsChart(report)}
${bandsTable(report, 'indicators.csv')}
<h2>Getoetste diensten</h2>
<div class="table-wrap"><table><caption>Score over alle criteria, vóór en na</caption>
<thead><tr><th scope="col">Organisatie / dienst</th><th scope="col">Significant</th><th scope="col">Vóór: datum</th><th scope="col">Vóór: score</th><th scope="col">Na: datum</th><th scope="col">Na: score</th></tr></thead>
<tbody>
${serviceRows}
</tbody></table></div>
<h2>Niet voldaan, met toelichting (pas toe of leg uit)</h2>
<div class="table-wrap"><table><caption>Criteria waaraan niet voldaan is</caption>
<thead><tr><th scope="col">Organisatie / dienst</th><th scope="col">Fase</th><th scope="col">Criterium</th><th scope="col">Toelichting</th></tr></thead>
<tbody>
${explanationRows}
</tbody></table></div>
<p><a href="explanations.csv" download>Download de toelichtingen als CSV</a> · <a href="report.json">Alle cijfers als JSON</a></p>
</main>
${provenance(report)}`,
  );
}

export function reportsIndexHtml(periods: readonly string[]): string {
  const items = [...periods]
    .sort()
    .reverse()
    .map((p) => `<li><a href="${e(p)}/">${e(periodLabel(p))}</a> (<a href="${e(p)}/indicators.csv">CSV</a>, <a href="${e(p)}/report.json">JSON</a>)</li>`)
    .join('\n');
  return page(
    'Transparantierapporten digitale dienstverlening',
    `<header><h1>Transparantierapporten digitale dienstverlening</h1></header>
<main id="inhoud">
<p>Hier volgt u hoe goed de digitale dienstverlening van de Vlaamse overheden presteert. Kies een periode.</p>
<p><a href="latest/">Het meest recente rapport</a></p>
<ul>
${items}
</ul>
${HOW}
</main>`,
  );
}
