// The operational indicators in a period's reports, on the hand-made data
// set (test/support/report-input.ts): four services as of 2026-Q3 — s1 and
// s4 with a post, s2 with only a pre (its values are forecasts), s3 with a
// post and no language level — and s5, assessed after the period.
import { describe, expect, it } from 'vitest';
import { allCatalogs, FIRST_INDICATOR_CATALOG, type IndicatorCatalog } from '../../shared/domain/operational/catalogs.js';
import { toHtmlString } from '../../shared/domain/report/html.js';
import { reportPage } from '../../shared/domain/report/pages.js';
import { buildReports, type Report } from '../../shared/domain/report/report-model.js';
import type { Audience } from '../../shared/domain/report/sections/section.js';
import { answers } from '../support/fixtures.js';
import { reportAssessments, reportInput, small, stored } from '../support/report-input.js';

const reports = buildReports(reportInput());
const ops = reports.committee.json.operationalIndicators;
const byId = (id: string) => ops.indicators.find((f) => f.indicator.id === id)!;
const csv = (report: Report<Audience>, name: string) =>
  report.sections
    .flatMap((s) => s.files(report.page))
    .find((f) => f.name === name)!
    .body.split('\r\n');

const later: IndicatorCatalog = {
  version: '2026-12',
  publishedOn: '2026-12-01',
  indicators: [
    ...FIRST_INDICATOR_CATALOG.indicators,
    { id: 'statusTracking', label: 'Stand van zaken online', kind: 'yesno', goodLabel: 'stand van zaken online', criteria: ['GC-G4'] },
  ],
};

describe('the committee: a part per indicator', () => {
  it('spreads a count over every service: median and quartiles (QUARTILE.INC), how many report it, how many are forecasts', () => {
    // 3 (s4), 5 (s1), 6 (s3), 14 (s2, forecast)
    expect(byId('processSteps').all).toEqual({
      group: 'alle',
      services: 4,
      reporting: 4,
      forecasts: 1,
      shareReporting: 1,
      status: 'value',
      median: 5.5,
      q1: 4.5,
      q3: 8,
      shareYes: null,
    });
    expect(byId('processSteps').indicator).toEqual({
      id: 'processSteps',
      label: 'Aantal processtappen',
      kind: 'count',
      criteria: ['GC-G1', 'DH-G2', 'DH-G3', 'GC-I4'],
      better: 'lower',
      goodLabel: null,
    });
  });

  it('per policy domain (an organisation not registered under "Onbekend beleidsdomein") and per target group', () => {
    const f = byId('processSteps');
    expect(f.byPolicyDomain.map((d) => [d.group, d.services, d.reporting, d.median, d.q1, d.q3])).toEqual([
      ['Omgeving', 2, 2, 9.5, 7.25, 11.75],
      ['Onbekend beleidsdomein', 2, 2, 4.5, 3.75, 5.25],
    ]);
    expect(f.byTargetGroup.map((d) => [d.group, d.services, d.median])).toEqual([['burgers', 4, 5.5]]);
  });

  it('takes a level’s median at the lower level, and counts the services per level; a service without a value is not counted', () => {
    // B1 (s1), C1 (s2, forecast), A2 (s4); s3 gave none
    expect(byId('plainLanguageLevel').all).toMatchObject({
      services: 4,
      reporting: 3,
      shareReporting: 0.75,
      median: 'B1',
      q1: 'A2',
      q3: 'B1',
    });
    expect(byId('plainLanguageLevel').all.levels).toEqual({ A1: 0, A2: 1, B1: 1, B2: 0, C1: 1, C2: 0 });
    expect(byId('wcagLevel').all).toMatchObject({ reporting: 3, median: 'AA', q1: 'A', q3: 'AA' });
    // In 2026-Q1 only two pres had a level: B2 and C1, the lower one is the median.
    expect(byId('plainLanguageLevel').trend[5]).toMatchObject({ group: '2026-Q1', reporting: 2, median: 'B2' });
  });

  it('gives yes/no as the share of yes, and no_data where no service reported', () => {
    expect(byId('notifications').all).toMatchObject({ reporting: 4, shareYes: 0.5, median: null });
    expect(byId('singleSignOn').all).toMatchObject({ services: 4, reporting: 0, status: 'no_data', shareYes: null, shareReporting: 0 });
  });

  it('names the services furthest behind their peers, furthest first', () => {
    expect(byId('processSteps').furthest).toEqual([
      {
        organisationId: 'OVO1',
        organisationName: 'Departement Omgeving',
        serviceId: 's2',
        serviceName: 'Grote dienst',
        value: 14,
        forecast: true,
        peers: 3,
        peerMedian: 5,
        peerShareYes: null,
        lag: 9,
      },
      {
        organisationId: 'OVO2',
        organisationName: 'OVO2',
        serviceId: 's3',
        serviceName: 'Grote dienst',
        value: 6,
        forecast: false,
        peers: 3,
        peerMedian: 5,
        peerShareYes: null,
        lag: 1,
      },
    ]);
    // No notifications where two of each one's three peers have them.
    expect(byId('notifications').furthest.map((l) => [l.serviceId, l.peerShareYes])).toEqual([
      ['s2', 2 / 3],
      ['s4', 2 / 3],
    ]);
    // Two peers with a language level each: too few to compare, so nobody is named.
    expect(byId('plainLanguageLevel').furthest).toEqual([]);
  });

  it('follows eight quarters, each from its own as-of selection', () => {
    const f = byId('processSteps');
    expect(ops.quarters.map((q) => q.quarter)).toEqual([
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
    ]);
    // Q1: the pres of s1 (9), s2 (14), s4 (4); Q2: s3's post (6) joins; Q3: the posts of s1 (5) and s4 (3) replace their pres.
    expect(f.trend.map((t) => [t.group, t.reporting, t.forecasts, t.median])).toEqual([
      ['2024-Q4', 0, 0, null],
      ['2025-Q1', 0, 0, null],
      ['2025-Q2', 0, 0, null],
      ['2025-Q3', 0, 0, null],
      ['2025-Q4', 0, 0, null],
      ['2026-Q1', 3, 3, 9],
      ['2026-Q2', 4, 3, 7.5],
      ['2026-Q3', 4, 1, 5.5],
    ]);
    // The last quarter is the period's own figure.
    expect(f.trend.at(-1)).toEqual({ ...f.all, group: '2026-Q3' });
  });

  it('takes a month’s last quarter only up to the month’s end', () => {
    // July 2026: s4's post (5 August) does not count yet, its pre (notifications: yes) does.
    const july = buildReports(reportInput({ periodId: '2026-07' })).committee.json.operationalIndicators;
    expect(july.quarters.at(-1)).toEqual({ quarter: '2026-Q3', asOf: '2026-07-31' });
    expect(july.indicators.find((f) => f.indicator.id === 'notifications')!.trend.at(-1)).toMatchObject({
      reporting: 4,
      forecasts: 2,
      shareYes: 0.75,
    });
  });

  it('writes long CSV files: one row per indicator and group', () => {
    const rows = csv(reports.committee, 'operationele-indicatoren.csv');
    expect(rows[0]).toBe(
      'periode,indicator,groepering,groep,stand_op,diensten,met_waarde,waarvan_verwachting,aandeel_met_waarde,status,mediaan,eerste_kwartiel,derde_kwartiel,aandeel_ja',
    );
    // per indicator: all, 2 policy domains, 1 target group, 8 quarters
    expect(rows).toHaveLength(1 + 7 * 12 + 1);
    expect(rows.slice(1, 5)).toEqual([
      '2026-Q3,processSteps,alle,alle,2026-09-30,4,4,1,1,value,5.5,4.5,8,',
      '2026-Q3,processSteps,beleidsdomein,Omgeving,2026-09-30,2,2,1,1,value,9.5,7.25,11.75,',
      '2026-Q3,processSteps,beleidsdomein,Onbekend beleidsdomein,2026-09-30,2,2,0,1,value,4.5,3.75,5.25,',
      '2026-Q3,processSteps,doelgroep,burgers,2026-09-30,4,4,1,1,value,5.5,4.5,8,',
    ]);
    expect(rows).toContain('2026-Q3,processSteps,kwartaal,2025-Q4,2025-12-31,0,0,0,,no_data,,,,');
    expect(rows).toContain('2026-Q3,notifications,kwartaal,2026-Q1,2026-03-31,3,3,3,1,value,,,,0.3333333333333333');
    expect(csv(reports.committee, 'operationele-indicatoren-niveaus.csv').slice(0, 3)).toEqual([
      'periode,indicator,groepering,groep,stand_op,niveau,diensten',
      '2026-Q3,plainLanguageLevel,alle,alle,2026-09-30,A1,0',
      '2026-Q3,plainLanguageLevel,alle,alle,2026-09-30,A2,1',
    ]);
    expect(csv(reports.committee, 'operationele-indicatoren-achterstand.csv').slice(0, 3)).toEqual([
      'periode,indicator,organisatie_id,organisatie,dienst_id,dienst,waarde,verwachting,vergelijkbare_diensten,mediaan_vergelijkbare,aandeel_ja_vergelijkbare,achterstand',
      '2026-Q3,processSteps,OVO1,Departement Omgeving,s2,Grote dienst,14,ja,3,5,,9',
      '2026-Q3,processSteps,OVO2,OVO2,s3,Grote dienst,6,nee,3,5,,1',
    ]);
  });

  it('shows each indicator under its own heading, with its chart, tables and the services behind', () => {
    const page = reportPage(reports.committee);
    for (const i of FIRST_INDICATOR_CATALOG.indicators)
      expect(page).toContain(`<h3 id="indicator-${i.id}">${i.label.replace(/[()]/g, (c) => c)}</h3>`);
    expect(page).toContain(
      '<p>4 van 4 diensten gaven een waarde (100,0 %), waarvan 1 een verwachting vóór de vernieuwing: mediaan 5,5 (kwartielen 4,5 en 8).</p>',
    );
    expect(page).toContain('<td>14 (verwachting)</td>');
    expect(page).toContain('<p>Nog geen enkele dienst gaf hiervoor een waarde.</p>');
    expect(page).toContain('aria-label="Aantal processtappen per kwartaal: ');
  });
});

describe('the public: how many services meet a good value', () => {
  const good = reports.public.json.goodValues;

  it('counts results and forecasts apart, for the indicators with a good value', () => {
    expect(good.indicators.map((i) => [i.indicator.goodLabel, i.results, i.forecasts])).toEqual([
      ['notificaties aanwezig', { meeting: 2, reporting: 3, share: 2 / 3 }, { meeting: 0, reporting: 1, share: 0 }],
      ['taalniveau B1 of eenvoudiger', { meeting: 2, reporting: 2, share: 1 }, { meeting: 0, reporting: 1, share: 0 }],
      ['mobiel bruikbaar', { meeting: 1, reporting: 1, share: 1 }, { meeting: 0, reporting: 0, share: null }],
      ['eenmalig aanmelden mogelijk', { meeting: 0, reporting: 0, share: null }, { meeting: 0, reporting: 0, share: null }],
      ['feedback geven mogelijk', { meeting: 0, reporting: 0, share: null }, { meeting: 0, reporting: 0, share: null }],
      ['WCAG AA of beter', { meeting: 2, reporting: 3, share: 2 / 3 }, { meeting: 0, reporting: 0, share: null }],
    ]);
    expect(good.withoutGoodValue).toEqual(['Aantal processtappen']);
  });

  it('follows the results over eight quarters', () => {
    expect(good.indicators[0]!.trend.slice(5)).toEqual([
      { quarter: '2026-Q1', meeting: 0, reporting: 0, share: null },
      { quarter: '2026-Q2', meeting: 1, reporting: 1, share: 1 },
      { quarter: '2026-Q3', meeting: 2, reporting: 3, share: 2 / 3 },
    ]);
  });

  it('names no service, on the page or in its file', () => {
    const section = reports.public.sections.find((s) => s.section.id === 'goede-waarden')!;
    const shown = [
      JSON.stringify(section.json),
      toHtmlString(section.html(reports.public.page)),
      section.files(reports.public.page)[0]!.body,
    ];
    for (const name of ['Grote dienst', 'Kleine dienst', 'Departement Omgeving', 'OVO1', 'OVO2', 's2'])
      for (const text of shown) expect(text, name).not.toContain(name);
    expect(shown[1]).toContain(
      '<tr><th scope="row">notificaties aanwezig</th><td>2 van 3</td><td>66,7 %</td><td>0 van 1</td><td>0,0 %</td></tr>',
    );
    expect(csv(reports.public, 'goede-waarden.csv').slice(0, 3)).toEqual([
      'periode,groepering,groep,stand_op,indicator,soort,goede_waarde,voldoet,met_waarde,aandeel',
      `2026-Q3,periode,2026-Q3,2026-09-30,notifications,resultaat,notificaties aanwezig,2,3,${2 / 3}`,
      '2026-Q3,periode,2026-Q3,2026-09-30,notifications,verwachting,notificaties aanwezig,0,1,0',
    ]);
  });

  it('says so, without a chart, when no service reported any', () => {
    const empty = buildReports(reportInput({ periodId: '2025-Q4' }));
    const page = reportPage(empty.public);
    expect(page).toContain('meldde nog geen enkele dienst meetbare kenmerken');
  });
});

describe('which catalog version a period uses', () => {
  it('leaves out a version published after the period’s end', () => {
    const r = buildReports(reportInput({ indicatorCatalogs: allCatalogs([later]) }));
    expect(r.committee.json.operationalIndicators.indicatorCatalogVersion).toBe('2026-10');
    expect(r.committee.json.operationalIndicators.indicators.map((f) => f.indicator.id)).not.toContain('statusTracking');
  });

  it('uses it from its publication, and earlier when an assessment of the period names it', () => {
    const q4 = buildReports(reportInput({ periodId: '2026-Q4', indicatorCatalogs: allCatalogs([later]) })).committee.json;
    expect(q4.operationalIndicators.indicatorCatalogVersion).toBe('2026-12');
    expect(q4.operationalIndicators.indicators.at(-1)!.all).toMatchObject({ group: 'alle', reporting: 0, status: 'no_data' });
    const named = stored('n1', '2026-12-05T00:00:00.000Z', {
      organisationId: 'OVO1',
      serviceId: 'volgsysteem',
      phase: 'post',
      assessedOn: '2026-09-01',
      service: small,
      answers: answers(),
      indicatorCatalogVersion: '2026-12',
      measures: { statusTracking: true },
    });
    const q3 = buildReports(reportInput({ assessments: [...reportAssessments(), named], indicatorCatalogs: allCatalogs([later]) }));
    expect(q3.committee.json.operationalIndicators.indicatorCatalogVersion).toBe('2026-12');
    expect(q3.public.json.goodValues.indicators.at(-1)).toMatchObject({
      indicator: { id: 'statusTracking' },
      results: { meeting: 1, reporting: 1, share: 1 },
    });
  });
});
