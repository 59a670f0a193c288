// A deterministic demo data set: the same organisations, services and answers
// on every machine, ingested through the public API like real traffic. Every
// date is relative to the one clock's today (design §2.1: DDS_TODAY fixes it),
// so the demo tells the same story on any day: plans for two years, services
// at every stage of their life, the committee's decisions of every kind.
import { CATALOGS, CURRENT_CATALOG_VERSION } from '../../shared/domain/catalog.js';
import type { AssessmentSubmission } from '../../shared/domain/assessment.js';
import type { DecisionKind } from '../../shared/domain/lifecycle/agenda.js';
import type { PlannedService } from '../../shared/domain/lifecycle/plan.js';
import { parsePeriod, periodContaining, shiftPeriod } from '../../shared/domain/periods.js';
import { addDays } from '../../shared/domain/today.js';
import { TARGET_GROUPS, MAIN_ELOKETTEN } from '../../shared/domain/vocabulary.js';
import { addDemoMeasures } from './demo-indicators.js';

/** The demo's calendar: everything placed relative to today. */
export interface DemoTimeline {
  today: string;
  /** the last quarter that has ended */
  lastQuarter: string;
  /** the eight quarters of e-loket counts, ending with the last quarter */
  countQuarters: string[];
  /** the last complete year: its reports are the yearly report (seed §3.2) */
  lastYear: string;
  /** the periods the demo publishes: the last complete year, then the last two quarters that have ended */
  reportPeriods: string[];
  /** day 0 of the assessments: 637 days before the last quarter's end */
  base: string;
}

export function demoTimeline(today: string): DemoTimeline {
  const lastQuarter = shiftPeriod(periodContaining(today, 'quarter'), -1);
  const end = parsePeriod(lastQuarter)!.end;
  const lastYear = String(Number(today.slice(0, 4)) - 1);
  return {
    today,
    lastQuarter,
    countQuarters: [-7, -6, -5, -4, -3, -2, -1, 0].map((n) => shiftPeriod(lastQuarter, n)),
    lastYear,
    // The year first: it ends before the quarters, so latest/ stays the last quarter.
    reportPeriods: [lastYear, shiftPeriod(lastQuarter, -1), lastQuarter],
    base: addDays(end, -637),
  };
}

/** mulberry32: small, fast, and the same sequence everywhere for a seed. */
export function prng(seed: number): () => number {
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

export function demoServices(t: DemoTimeline, seed = 20220701): DemoService[] {
  const dateFrom = (dayIndex: number) => addDays(t.base, dayIndex);
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
  // Beside the random part (kept as it was, so its figures stay the same), the stories the
  // lifecycle tells: promised dates, go-live dates, and a service whose size nobody said.
  out.forEach((s, i) => {
    const pre = s.assessments[0]!;
    const firstNo = pre.answers.findIndex((a) => a.answer === 'no');
    // Some unmet criteria say by when they will be met; for the older ones that day has passed.
    if (i % 5 === 0 && firstNo >= 0) pre.answers[firstNo] = { ...pre.answers[firstNo]!, plannedBy: addDays(pre.assessedOn, 120) };
    // Some services without a post say when they go live; for a few the post is owed by now.
    if (i % 4 === 1 && s.assessments.length === 1) pre.service = { ...pre.service, goLiveOn: addDays(pre.assessedOn, 60) };
  });
  // Operational measures for most services, from a sequence of their own (infra/local/demo-indicators.ts).
  addDemoMeasures(out, prng(seed + 13));
  // Budget and audience unknown: its significance is unknown; and many criteria marked n/a.
  out.push({
    organisationId: 'KBO0216769073',
    serviceId: 'afvalkalender',
    assessments: [
      {
        organisationId: 'KBO0216769073',
        serviceId: 'afvalkalender',
        phase: 'pre',
        catalogVersion: catalog.version,
        assessedOn: addDays(t.base, 600),
        service: { name: 'Afvalkalender raadplegen', targetGroups: ['burgers'], eloketten: ['mijn-burgerprofiel'] },
        answers: catalog.criteria.map((c, i) =>
          i % 3 === 0
            ? { criterionId: c.id, answer: 'not_applicable' as const, explanation: 'Geen aanvraag of dossier: de kalender is informatie.' }
            : { criterionId: c.id, answer: 'yes' as const },
        ),
      },
    ],
  });
  return out;
}

/** One provider's yearly plan as it posts it; a later one for the same year corrects it. */
export interface DemoPlan {
  organisationId: string;
  year: number;
  services: PlannedService[];
}

/**
 * The yearly plans of the last two years: the significant services of the first eight
 * organisations, started before their first assessment and going live after it, plus
 * services planned and not yet assessed (one started, one starting later), and one
 * plan corrected once (a service dropped, a go-live date moved).
 */
export function demoPlans(t: DemoTimeline, services: readonly DemoService[]): DemoPlan[] {
  const organisations: string[] = DEMO_ORGANISATIONS.slice(0, 8).map(([id]) => id);
  const byYear = new Map<string, PlannedService[]>();
  const add = (organisationId: string, entry: PlannedService) => {
    const key = `${organisationId}/${entry.startsOn.slice(0, 4)}`;
    byYear.set(key, [...(byYear.get(key) ?? []), entry]);
  };
  services
    .filter((s) => organisations.includes(s.organisationId))
    .forEach((s, i) => {
      const pre = s.assessments[0]!;
      const size = pre.service;
      if ((size.budgetEur ?? 0) <= 500_000 && (size.expectedUsers ?? 0) <= 100_000) return;
      add(s.organisationId, {
        serviceId: s.serviceId,
        kind: i % 2 === 0 ? 'rework' : 'new',
        name: size.name,
        targetGroups: [...size.targetGroups],
        ...(size.budgetEur !== undefined ? { budgetEur: size.budgetEur } : {}),
        ...(size.expectedUsers !== undefined ? { expectedUsers: size.expectedUsers } : {}),
        startsOn: addDays(pre.assessedOn, -45),
        goLiveOn: addDays(pre.assessedOn, 150),
      });
    });
  const q = parsePeriod(t.lastQuarter)!;
  // Planned and started, not yet assessed: it owes its pre.
  add('OVO000101', {
    serviceId: 'digitaal-loket',
    kind: 'new',
    name: 'Digitaal loket voor omgevingsmeldingen',
    targetGroups: ['burgers', 'ondernemers'],
    budgetEur: 1_200_000,
    expectedUsers: 250_000,
    startsOn: addDays(q.start, -20),
    goLiveOn: addDays(q.end, 200),
  });
  // Planned, starting later this year or next: it owes nothing yet.
  const later = addDays(t.today, 45);
  add('OVO000102', {
    serviceId: 'chatbot',
    kind: 'new',
    name: 'Chatbot voor vragen over premies',
    targetGroups: ['burgers'],
    budgetEur: 600_000,
    startsOn: later.slice(0, 4) === t.today.slice(0, 4) ? later : `${t.today.slice(0, 4)}-12-31`,
  });
  const plans: DemoPlan[] = [...byYear.entries()]
    .map(([key, entries]) => {
      const [organisationId, year] = key.split('/') as [string, string];
      return { organisationId, year: Number(year), services: entries.sort((a, b) => a.serviceId.localeCompare(b.serviceId)) };
    })
    .filter((p) => p.year <= Number(t.today.slice(0, 4)) && p.year >= Number(t.today.slice(0, 4)) - 1)
    .sort((a, b) => a.year - b.year || a.organisationId.localeCompare(b.organisationId));
  // One plan sent twice: the first with a service that was dropped, the second moving a go-live date.
  const corrected = plans.find((p) => p.organisationId === 'OVO000101' && p.services.length > 1);
  if (corrected) {
    const first = {
      ...corrected,
      services: [
        ...corrected.services.map((e, i) => (i === 0 && e.goLiveOn ? { ...e, goLiveOn: addDays(e.goLiveOn, -30) } : e)),
        {
          serviceId: 'papieren-formulier',
          kind: 'rework' as const,
          name: 'Papieren formulier digitaliseren',
          targetGroups: ['burgers' as const],
          budgetEur: 700_000,
          startsOn: `${corrected.year}-02-01`,
        },
      ],
    };
    plans.splice(plans.indexOf(corrected), 0, first);
  }
  return plans;
}

/** A decision the committee recorded on the day it met, on the assessment of a service and phase. */
export interface DemoDecision {
  organisationId: string;
  serviceId: string;
  phase: 'pre' | 'post';
  decidedOn: string;
  decision: DecisionKind;
  /** the first unmet criterion only, or (undefined) all of them */
  criteria?: 'first';
  until?: string;
  note?: string;
}

/**
 * Decisions of every kind in the two published quarters, on assessments with unmet
 * criteria made at least a fortnight before: accepted, a derogation that expires in
 * the next quarter, an action required, a long derogation, and a partial acceptance.
 * The rest stays pending on the agenda.
 */
export function demoDecisions(t: DemoTimeline, services: readonly DemoService[]): DemoDecision[] {
  const [earlier, last] = [shiftPeriod(t.lastQuarter, -1), t.lastQuarter].map((p) => parsePeriod(p)!) as [
    NonNullable<ReturnType<typeof parsePeriod>>,
    NonNullable<ReturnType<typeof parsePeriod>>,
  ];
  const next = parsePeriod(shiftPeriod(t.lastQuarter, 1))!;
  const candidates = services
    .flatMap((s) => s.assessments)
    .filter((a) => a.answers.some((x) => x.answer === 'no') && a.assessedOn <= addDays(earlier.end, -15))
    .sort(
      (a, b) =>
        a.organisationId.localeCompare(b.organisationId) || a.serviceId.localeCompare(b.serviceId) || a.phase.localeCompare(b.phase),
    );
  const pick = (i: number) => candidates[(i * 7) % candidates.length]!;
  const on = (a: AssessmentSubmission, day: string) => ({
    organisationId: a.organisationId,
    serviceId: a.serviceId,
    phase: a.phase,
    decidedOn: day,
  });
  return [
    { ...on(pick(0), addDays(earlier.start, 20)), decision: 'accepted' },
    { ...on(pick(1), addDays(last.start, 15)), decision: 'derogation', criteria: 'first', until: addDays(next.start, 30) },
    {
      ...on(pick(2), addDays(last.start, 15)),
      decision: 'action_required',
      note: 'Leg tegen de volgende vergadering een plan voor met data om de ontbrekende criteria te halen.',
    },
    { ...on(pick(3), addDays(last.start, 40)), decision: 'derogation', until: addDays(next.end, 365) },
    { ...on(pick(4), addDays(last.start, 40)), decision: 'accepted', criteria: 'first' },
  ];
}

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

/** Eight quarters of e-loket counts, ending with the last quarter that ended, in the order they are posted. */
export function demoCounts(t: DemoTimeline, seed = 20220702): DemoCountsReport[] {
  const rnd = prng(seed);
  // Two e-loketten report per month, two per quarter, as operators do.
  const monthly = new Set<string>(['mijn-burgerprofiel', 'loket-lokale-besturen']);
  const reports: DemoCountsReport[] = [];
  const base = new Map<string, number>();
  t.countQuarters.forEach((quarter, qi) => {
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
