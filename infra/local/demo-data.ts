// A deterministic demo data set: the same organisations, services and answers
// on every machine, ingested through the public API like real traffic.
import { CATALOGS, CURRENT_CATALOG_VERSION } from '../../shared/domain/catalog.js';
import type { AssessmentSubmission } from '../../shared/domain/assessment.js';
import { TARGET_GROUPS, MAIN_ELOKETTEN } from '../../shared/domain/vocabulary.js';

/** mulberry32: small, fast, and the same sequence everywhere for a seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEMO_ORGANISATIONS = [
  ['OVO000101', 'Departement Omgeving'],
  ['OVO000102', 'Agentschap Digitaal Vlaanderen'],
  ['OVO000103', 'Vlaamse Belastingdienst'],
  ['OVO000104', 'Departement Onderwijs en Vorming'],
  ['OVO000105', 'Agentschap Opgroeien'],
  ['OVO000106', 'VDAB'],
  ['OVO000107', 'Agentschap Innoveren en Ondernemen'],
  ['OVO000108', 'Agentschap Wonen in Vlaanderen'],
  ['OVO000109', 'Departement Mobiliteit en Openbare Werken'],
  ['OVO000110', 'Agentschap Zorg en Gezondheid'],
  ['OVO000111', 'Departement Cultuur, Jeugd en Media'],
  ['OVO000112', 'Agentschap Landbouw en Zeevisserij'],
  ['OVO000113', 'Agentschap Binnenlands Bestuur'],
  ['OVO000114', 'Departement Werk en Sociale Economie'],
  ['OVO000115', 'Agentschap Natuur en Bos'],
  ['OVO000116', 'Vlaamse Milieumaatschappij'],
  ['OVO000117', 'Agentschap Integratie en Inburgering'],
  ['OVO000118', 'Sport Vlaanderen'],
  ['OVO000119', 'Agentschap Onroerend Erfgoed'],
  ['OVO000120', 'Departement Kanselarij en Buitenlandse Zaken'],
  ['KBO0207451227', 'Stad Gent'],
  ['KBO0207500123', 'Stad Antwerpen'],
  ['KBO0207513588', 'Stad Leuven'],
  ['KBO0216769073', 'Gemeente Zoutleeuw'],
] as const;

/** Kind and policy domain of each demo organisation, as an operator would import them. */
export function demoOrganisationRegister(): Array<{
  organisationId: string;
  name: string;
  kind: 'department' | 'agency' | 'local-government' | 'other';
  policyDomain: string;
}> {
  const domain: Record<string, string> = {
    OVO000101: 'Omgeving',
    OVO000102: 'Kanselarij, Bestuur, Buitenlandse Zaken en Justitie',
    OVO000103: 'Financiën en Begroting',
    OVO000104: 'Onderwijs en Vorming',
    OVO000105: 'Welzijn, Volksgezondheid en Gezin',
    OVO000106: 'Werk en Sociale Economie',
    OVO000107: 'Economie, Wetenschap en Innovatie',
    OVO000108: 'Omgeving',
    OVO000109: 'Mobiliteit en Openbare Werken',
    OVO000110: 'Welzijn, Volksgezondheid en Gezin',
    OVO000111: 'Cultuur, Jeugd en Media',
    OVO000112: 'Landbouw en Visserij',
    OVO000113: 'Kanselarij, Bestuur, Buitenlandse Zaken en Justitie',
    OVO000114: 'Werk en Sociale Economie',
    OVO000115: 'Omgeving',
    OVO000116: 'Omgeving',
    OVO000117: 'Kanselarij, Bestuur, Buitenlandse Zaken en Justitie',
    OVO000118: 'Cultuur, Jeugd en Media',
    OVO000119: 'Omgeving',
    OVO000120: 'Kanselarij, Bestuur, Buitenlandse Zaken en Justitie',
  };
  // The last organisation is left unregistered on purpose: its data is reported under its id.
  return DEMO_ORGANISATIONS.slice(0, -1).map(([organisationId, name]) => ({
    organisationId,
    name,
    kind: organisationId.startsWith('KBO') ? 'local-government' : name.startsWith('Departement') ? 'department' : 'agency',
    policyDomain: domain[organisationId] ?? 'Lokale besturen',
  }));
}

const SERVICE_TOPICS = [
  ['vergunning-aanvragen', 'Vergunning aanvragen'],
  ['premie-aanvragen', 'Premie aanvragen'],
  ['attest-opvragen', 'Attest opvragen'],
  ['dossier-opvolgen', 'Dossier opvolgen'],
  ['melding-doen', 'Melding doen'],
  ['subsidie-aanvragen', 'Subsidie aanvragen'],
  ['inschrijving', 'Inschrijving'],
] as const;

const EXPLANATIONS = [
  'De wettelijke basis laat dit nog niet toe; een decreetswijziging is gepland.',
  'De koppeling met de authentieke bron is pas in 2027 beschikbaar.',
  'Het budget voor gebruikersonderzoek is voorzien in de volgende fase.',
  'Papieren aanvraag blijft nodig tot de nieuwe procedure in voege is.',
  'De mobiele versie wordt na de eerste release ontwikkeld.',
  'Het contactcenter is nog niet aangesloten op het dossiersysteem.',
];

export interface DemoService {
  organisationId: string;
  serviceId: string;
  assessments: AssessmentSubmission[];
}

const pad = (n: number) => String(n).padStart(2, '0');
function dateFrom(dayIndex: number): string {
  const d = new Date(Date.UTC(2025, 0, 1) + dayIndex * 86_400_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function demoServices(seed = 20220701): DemoService[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const catalog = CATALOGS[CURRENT_CATALOG_VERSION]!;
  const out: DemoService[] = [];
  for (const [organisationId] of DEMO_ORGANISATIONS) {
    const count = 1 + Math.floor(rnd() * 3);
    const topics = [...SERVICE_TOPICS].sort(() => rnd() - 0.5).slice(0, count);
    for (const [serviceId, topic] of topics) {
      const targetGroups = [pick(TARGET_GROUPS)];
      const service = {
        name: topic,
        targetGroups,
        budgetEur: Math.round(rnd() * 8) * 100_000,
        expectedUsers: Math.round(rnd() * 15) * 10_000,
        eloketten: [MAIN_ELOKETTEN[TARGET_GROUPS.indexOf(targetGroups[0]!)]!],
      };
      const maturity = 0.35 + rnd() * 0.55;
      const answersFor = (p: number) =>
        catalog.criteria.map((c) => {
          const r = rnd();
          if (r < p) return { criterionId: c.id, answer: 'yes' as const };
          if (r < p + (1 - p) * 0.8) return { criterionId: c.id, answer: 'no' as const, explanation: pick(EXPLANATIONS) };
          // Every n/a says why (design §2); a fixed text keeps the random sequence, and so the demo, the same.
          return {
            criterionId: c.id,
            answer: 'not_applicable' as const,
            explanation: 'Dit criterium is niet van toepassing op deze dienst.',
          };
        });
      const preDay = Math.floor(rnd() * 450);
      const assessments: AssessmentSubmission[] = [
        {
          organisationId,
          serviceId,
          phase: 'pre',
          catalogVersion: catalog.version,
          assessedOn: dateFrom(preDay),
          service,
          answers: answersFor(maturity),
        },
      ];
      if (rnd() < 0.55 && preDay < 400) {
        const postDay = Math.min(637, preDay + 180 + Math.floor(rnd() * 200));
        assessments.push({
          organisationId,
          serviceId,
          phase: 'post',
          catalogVersion: catalog.version,
          assessedOn: dateFrom(postDay),
          service,
          answers: answersFor(Math.min(0.97, maturity + 0.15)),
          measures: {
            processSteps: 3 + Math.floor(rnd() * 8),
            notifications: rnd() < 0.7,
            mobileUsable: rnd() < 0.8,
            wcagLevel: rnd() < 0.6 ? 'AA' : 'A',
          },
        });
      }
      out.push({ organisationId, serviceId, assessments });
    }
  }
  return out;
}

/** The demo's report periods: the quarters the demo assessments span. */
export const DEMO_REPORT_PERIODS = ['2026-Q2', '2026-Q3'];

/** Eight quarters of e-loket counts, 2024-Q4 to 2026-Q3, in the order they are posted. */
export const DEMO_COUNT_QUARTERS = ['2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];

export interface DemoCountsReport {
  eloket: (typeof MAIN_ELOKETTEN)[number];
  period: string;
  counts: Array<{
    organisationId: string;
    targetGroup: (typeof TARGET_GROUPS)[number];
    servicesOffered: number;
    volumes?: { click?: number; call?: number; connect?: number; other?: number };
  }>;
}

export function demoCounts(seed = 20220702): DemoCountsReport[] {
  const rnd = prng(seed);
  // Two e-loketten report per month, two per quarter, as operators do.
  const monthly = new Set<string>(['mijn-burgerprofiel', 'loket-lokale-besturen']);
  const reports: DemoCountsReport[] = [];
  const base = new Map<string, number>();
  DEMO_COUNT_QUARTERS.forEach((quarter, qi) => {
    const [year, q] = quarter.split('-Q') as [string, string];
    MAIN_ELOKETTEN.forEach((eloket, ei) => {
      const targetGroup = TARGET_GROUPS[ei]!;
      const periods = monthly.has(eloket) ? [0, 1, 2].map((i) => `${year}-${pad((Number(q) - 1) * 3 + 1 + i)}`) : [quarter];
      periods.forEach((period, pi) => {
        const step = qi * 3 + pi;
        const counts = DEMO_ORGANISATIONS.filter((_, oi) => (oi + ei) % 3 !== 0).map(([organisationId], oi) => {
          const key = `${eloket}/${organisationId}`;
          const offered = (base.get(key) ?? 1 + Math.floor(rnd() * 12)) + (rnd() < 0.15 ? 1 : 0);
          base.set(key, offered);
          const scale = (monthly.has(eloket) ? 1 : 3) * (200 + Math.floor(rnd() * 4000));
          const digital = 0.55 + step * 0.012 + rnd() * 0.1;
          const row: DemoCountsReport['counts'][number] = { organisationId, targetGroup, servicesOffered: offered };
          // About one row in eight has no volume data at all; some lack the 'other' channel.
          if ((oi + step) % 8 !== 3) {
            const click = Math.round(scale * digital);
            const call = Math.round(scale * (1 - digital) * 0.7);
            const connect = Math.round(scale * (1 - digital) * 0.25);
            row.volumes = (oi + step) % 5 === 0 ? { click, call, connect } : { click, call, connect, other: Math.round(scale * 0.02) };
          }
          return row;
        });
        reports.push({ eloket, period, counts });
      });
    });
  });
  // Corrections: a few reports re-sent with fixed figures; the new version replaces the old whole.
  for (const i of [5, 17, 40]) {
    const original = reports[i]!;
    reports.push({
      ...original,
      counts: original.counts.map((r, ri) => (ri === 0 ? { ...r, servicesOffered: r.servicesOffered + 2 } : r)),
    });
  }
  return reports;
}
