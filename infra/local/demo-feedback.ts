// The demo's feedback, maturity scans and action-plan progress: the same on
// every machine. Providers push quarterly aggregates from their own tools
// for most services (a few with fewer than 10 responses); users answer the
// form over two years; some comments hold personal data, which is masked on
// the way in; local governments and a few agencies scan their maturity; the
// committee records the progress of actions and support tools.
import type { MaturityLevel, MaturityTheme } from '../../shared/domain/strategy/maturity.js';
import { MATURITY_LEVELS } from '../../shared/domain/strategy/maturity.js';
import { shiftPeriod } from '../../shared/domain/periods.js';
import { addDays } from '../../shared/domain/today.js';
import { DEMO_ORGANISATIONS, type DemoService, type DemoTimeline } from './demo-data.js';

/**
 * The story below is told as of a last ended quarter of 2026-Q3 (day 0 on
 * 2025-01-01); `placed` moves it to the demo's own calendar, so it is the
 * same story relative to any today (design §2.1).
 */
function placed(t: DemoTimeline) {
  const days = Math.round((Date.parse(`${t.base}T00:00:00Z`) - Date.parse('2025-01-01T00:00:00Z')) / 86_400_000);
  const quarters = (Number(t.lastQuarter.slice(0, 4)) - 2026) * 4 + (Number(t.lastQuarter.slice(6)) - 3);
  return {
    period: (p: string) => shiftPeriod(p, quarters),
    year: (y: number) => y + Math.floor((quarters + 2) / 4),
    at: (iso: string) => `${addDays(iso.slice(0, 10), days)}${iso.slice(10)}`,
  };
}

/** mulberry32, as in demo-data.ts */
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

/**
 * Themes of the maturity scan. Seed 001 speaks of the 8 themes of an ICT
 * strategy model without naming them all; these are examples for the demo,
 * replaced by an operator's own list (npm run dds -- maturity themes import).
 */
export const DEMO_MATURITY_THEMES: MaturityTheme[] = [
  { themeId: 'dienstverlening', name: 'Dienstverlening', description: 'Hoe burgers, ondernemers en verenigingen ons digitaal bereiken' },
  { themeId: 'processen', name: 'Processen en organisatie' },
  { themeId: 'medewerkers', name: 'Medewerkers en digitale vaardigheden' },
  { themeId: 'data', name: 'Data en informatie' },
  { themeId: 'informatieveiligheid', name: 'Informatieveiligheid' },
  { themeId: 'toepassingen', name: 'Toepassingen en software' },
  { themeId: 'infrastructuur', name: 'ICT-infrastructuur' },
  { themeId: 'projectmatig-werken', name: 'Projectmatig werken' },
];

/** The quarters providers push aggregates for. */
export const DEMO_FEEDBACK_QUARTERS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];

const COMMENTS = [
  'Het formulier was duidelijk, ik was op vijf minuten klaar.',
  'Ik moest mijn gegevens opnieuw invullen terwijl de overheid ze al heeft.',
  'Op mijn gsm kon ik het bewijsstuk niet opladen.',
  'Bel me terug op 0470 12 34 56, ik kom er niet uit.',
  'Waarom vraagt u mijn rijksregisternummer 85.07.30-033.28 opnieuw?',
  'Stuur het antwoord naar an.peeters@voorbeeld.be aub.',
  'Te veel stappen voor een eenvoudige aanvraag.',
  'Ik vond niet waar ik mijn dossier kon opvolgen.',
  'Mijn buurvrouw (+32 2 123 45 67) kreeg geen melding toen haar aanvraag klaar was.',
  'Goed geholpen via de chat.',
];

export interface DemoAggregateReport {
  organisationId: string;
  period: string;
  services: Array<{
    serviceId: string;
    responses: number;
    ratings: Record<'1' | '2' | '3' | '4' | '5', number>;
    foundIt?: { yes: number; partly: number; no: number };
    comments?: string[];
  }>;
}

export interface DemoFormResponse {
  organisationId: string;
  serviceId: string;
  /** when the user answered */
  at: string;
  rating: number;
  foundIt?: 'yes' | 'partly' | 'no';
  comment?: string;
}

export interface DemoFeedback {
  aggregates: DemoAggregateReport[];
  responses: DemoFormResponse[];
  scans: Array<{ organisationId: string; year: number; themes: Record<string, { current: MaturityLevel; ambition: MaturityLevel }> }>;
  statusChanges: Array<{
    at: string;
    subject: { kind: 'action'; n: string } | { kind: 'support-tool'; id: string };
    status: string;
    note?: string;
  }>;
}

export function demoFeedback(t: DemoTimeline, services: readonly DemoService[], seed = 20220703): DemoFeedback {
  const place = placed(t);
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  // Most services have feedback; every seventh has none; every fifth gets only a trickle (fewer than 10 a quarter).
  const withFeedback = services.filter((_, i) => i % 7 !== 6);
  const small = new Set(withFeedback.filter((_, i) => i % 5 === 2).map((s) => `${s.organisationId}/${s.serviceId}`));
  const aggregates: DemoAggregateReport[] = [];
  for (const [organisationId] of DEMO_ORGANISATIONS) {
    const own = withFeedback.filter((s) => s.organisationId === organisationId);
    // Only some providers have a feedback tool of their own; the others rely on the form.
    if (own.length === 0 || Number(organisationId.slice(-1)) % 3 === 0) continue;
    DEMO_FEEDBACK_QUARTERS.forEach((quarter, qi) => {
      aggregates.push({
        organisationId,
        period: place.period(quarter),
        services: own.map((s) => {
          const responses = small.has(`${s.organisationId}/${s.serviceId}`) ? int(2, 8) : int(25, 180);
          // satisfaction drifts upward over the quarters
          const good = Math.min(0.9, 0.45 + qi * 0.04 + rnd() * 0.2);
          const r5 = Math.round(responses * good * 0.45);
          const r4 = Math.round(responses * good) - r5;
          const r1 = Math.round((responses - r4 - r5) * 0.25);
          const r2 = Math.round((responses - r4 - r5) * 0.3);
          const r3 = responses - r1 - r2 - r4 - r5;
          const answered = Math.round(responses * 0.8);
          const yes = Math.round(answered * (0.5 + rnd() * 0.35));
          const partly = Math.round((answered - yes) * 0.6);
          const comments = rnd() < 0.5 ? [COMMENTS[int(0, COMMENTS.length - 1)]!, COMMENTS[int(0, COMMENTS.length - 1)]!] : [];
          return {
            serviceId: s.serviceId,
            responses,
            ratings: { '1': r1, '2': r2, '3': r3, '4': r4, '5': r5 },
            foundIt: { yes, partly, no: answered - yes - partly },
            ...(comments.length ? { comments } : {}),
          };
        }),
      });
    });
  }
  // A correction: the first provider re-sends its last quarter with fixed figures.
  const last = aggregates.filter((a) => a.period === t.lastQuarter)[0];
  if (last)
    aggregates.push({
      ...last,
      services: last.services
        .slice(0, 1)
        .map((s) => ({ ...s, ratings: { ...s.ratings, '5': s.ratings['5'] + 2 }, responses: s.responses + 2 })),
    });

  // The form, over two years: a few responses a month for most services.
  const responses: DemoFormResponse[] = [];
  for (const s of withFeedback) {
    const count = small.has(`${s.organisationId}/${s.serviceId}`) ? int(1, 4) : int(4, 12);
    for (let i = 0; i < count; i++) {
      const day = int(0, 637); // 2025-01-01 … 2026-09-30
      const d = new Date(Date.UTC(2025, 0, 1) + day * 86_400_000 + int(7, 21) * 3_600_000 + int(0, 59) * 60_000);
      const rating = Math.min(5, Math.max(1, Math.round(2.6 + rnd() * 2.6)));
      // Comments are kept 400 days: the older ones would have expired by now, so only recent answers carry one.
      const comment = day > 320 && rnd() < 0.35 ? COMMENTS[int(0, COMMENTS.length - 1)] : undefined;
      const found = rnd();
      responses.push({
        organisationId: s.organisationId,
        serviceId: s.serviceId,
        at: place.at(d.toISOString()),
        rating,
        ...(found < 0.75 ? { foundIt: found < 0.5 ? 'yes' : found < 0.65 ? 'partly' : 'no' } : {}),
        ...(comment ? { comment } : {}),
      });
    }
  }
  responses.sort((a, b) => a.at.localeCompare(b.at));

  // Local governments and a few agencies scan their maturity, in 2025 and again in 2026.
  const scans: DemoFeedback['scans'] = [];
  for (const [organisationId] of DEMO_ORGANISATIONS.filter(([id], i) => id.startsWith('KBO') || i % 6 === 1)) {
    for (const year of [2025, 2026]) {
      const themes: DemoFeedback['scans'][number]['themes'] = {};
      for (const t of DEMO_MATURITY_THEMES) {
        const current = Math.min(4, int(0, 2) + (year - 2025));
        themes[t.themeId] = { current: MATURITY_LEVELS[current]!, ambition: MATURITY_LEVELS[Math.min(4, current + int(0, 2))]! };
      }
      scans.push({ organisationId, year: place.year(year), themes });
    }
  }

  const statusChanges: DemoFeedback['statusChanges'] = [
    {
      at: '2025-02-14T10:00:00Z',
      subject: { kind: 'action', n: '15' },
      status: 'lopend',
      note: 'De werkgroep digitale dienstverlening komt maandelijks samen.',
    },
    { at: '2025-04-03T10:00:00Z', subject: { kind: 'action', n: '13' }, status: 'lopend' },
    { at: '2025-04-03T10:05:00Z', subject: { kind: 'support-tool', id: 'aftoetsingsinstrument' }, status: 'in ontwikkeling' },
    {
      at: '2025-06-12T08:30:00Z',
      subject: { kind: 'action', n: '14' },
      status: 'lopend',
      note: 'Digitaal Vlaanderen bouwt het feedbackinstrument.',
    },
    { at: '2025-06-12T08:35:00Z', subject: { kind: 'support-tool', id: 'feedbackinstrument' }, status: 'in ontwikkeling' },
    { at: '2025-09-18T09:00:00Z', subject: { kind: 'action', n: '16' }, status: 'lopend' },
    { at: '2025-11-20T14:00:00Z', subject: { kind: 'action', n: '15' }, status: 'afgerond' },
    { at: '2025-12-04T10:00:00Z', subject: { kind: 'action', n: '7' }, status: 'lopend' },
    { at: '2026-01-22T10:00:00Z', subject: { kind: 'support-tool', id: 'verenigingsloket' }, status: 'ontwikkeld' },
    {
      at: '2026-02-19T10:00:00Z',
      subject: { kind: 'action', n: '13' },
      status: 'afgerond',
      note: 'Het aftoetsingsinstrument is in gebruik.',
    },
    { at: '2026-02-19T10:05:00Z', subject: { kind: 'support-tool', id: 'aftoetsingsinstrument' }, status: 'ontwikkeld' },
    { at: '2026-05-21T10:00:00Z', subject: { kind: 'action', n: '14' }, status: 'afgerond' },
    { at: '2026-05-21T10:05:00Z', subject: { kind: 'support-tool', id: 'feedbackinstrument' }, status: 'ontwikkeld' },
    {
      at: '2026-05-21T10:10:00Z',
      subject: { kind: 'action', n: '21' },
      status: 'lopend',
      note: 'De eerste diensten linken naar het feedbackformulier.',
    },
    { at: '2026-09-10T10:00:00Z', subject: { kind: 'action', n: '16' }, status: 'afgerond' },
  ];
  return { aggregates, responses, scans, statusChanges: statusChanges.map((c) => ({ ...c, at: place.at(c.at) })) };
}
