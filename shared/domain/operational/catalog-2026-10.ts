// The first operational-indicator catalog, version 2026-10: the seven measures
// an assessment could carry from the start (AssessmentSubmitted.v1 stored
// them as fixed fields; they are this version's values). Published: it never
// changes. Each indicator names the criteria (catalog 2022-07) it makes
// measurable, read from the seed's text of those criteria.
import type { IndicatorCatalog } from './catalogs.js';

export const catalog2026_10: IndicatorCatalog = {
  version: '2026-10',
  publishedOn: '2026-10-01',
  indicators: [
    {
      // Action 13 names it: "aantal te doorlopen processtappen". GC-G1 (processes simple, clear what is
      // expected), DH-G2 (processes run more smoothly), DH-G3 (processes now doable), GC-I4 (instructions one by one).
      id: 'processSteps',
      label: 'Aantal processtappen',
      kind: 'count',
      min: 1,
      max: 1000,
      criteria: ['GC-G1', 'DH-G2', 'DH-G3', 'GC-I4'],
    },
    {
      // Action 13: "aanwezigheid van een notificatiemogelijkheid". DG-G1 (reminded automatically),
      // DG-I2 (automatic notices of a deadline or a missing document), DG-I3 (kept informed throughout).
      id: 'notifications',
      label: 'Notificaties',
      kind: 'yesno',
      goodLabel: 'notificaties aanwezig',
      criteria: ['DG-G1', 'DG-I2', 'DG-I3'],
    },
    {
      // Action 13: "eenvoud van taalgebruik", as a CEFR level (A1 simplest). SD-I3 (eenvoudige taal),
      // GC-I1 (content clear and easy to read), GC-I4 (no jargon, short sentences), BT-I2 (toegankelijk taalgebruik).
      // B1 is the level the Flemish government's own writing guidance aims for.
      id: 'plainLanguageLevel',
      label: 'Taalniveau',
      kind: 'level',
      scale: ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'],
      better: 'lower',
      good: 'B1',
      goodLabel: 'taalniveau B1 of eenvoudiger',
      criteria: ['SD-I3', 'GC-I1', 'GC-I4', 'BT-I2'],
    },
    {
      // DH-G1 (used smoothly from a smartphone or tablet), DH-I1 (designed to be "mobiel bruikbaar").
      id: 'mobileUsable',
      label: 'Mobiel bruikbaar',
      kind: 'yesno',
      goodLabel: 'mobiel bruikbaar',
      criteria: ['DH-G1', 'DH-I1'],
    },
    {
      // SD-G6 (log in once for every service within a theme).
      id: 'singleSignOn',
      label: 'Eenmalig aanmelden',
      kind: 'yesno',
      goodLabel: 'eenmalig aanmelden mogelijk',
      criteria: ['SD-G6'],
    },
    {
      // GC-I3 (users can give feedback on their experience), GC-G2 (asked about their needs),
      // DG-G6 ("meten is weten": satisfaction measured to improve).
      id: 'feedbackOption',
      label: 'Feedbackmogelijkheid',
      kind: 'yesno',
      goodLabel: 'feedback geven mogelijk',
      criteria: ['GC-I3', 'GC-G2', 'DG-G6'],
    },
    {
      // GC-I1 (every digital channel meets today's accessibility requirements); AA is the level
      // the European web accessibility directive asks of public sector websites.
      id: 'wcagLevel',
      label: 'Toegankelijkheid (WCAG-niveau)',
      kind: 'level',
      scale: ['none', 'A', 'AA', 'AAA'],
      better: 'higher',
      good: 'AA',
      goodLabel: 'WCAG AA of beter',
      criteria: ['GC-I1'],
    },
  ],
};
