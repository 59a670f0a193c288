// Column descriptions that several public CSV files share, for their CSVW
// metadata: the same column means the same thing in every file and period.
import { type TARGET_GROUPS } from '../vocabulary.js';
import type { ColumnMeta } from './sections/section.js';

export const PERIOD_FORMAT = '^\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$';

export const COLUMNS = {
  period: {
    description: 'De periode van het rapport: een jaar (2026), een kwartaal (2026-Q3) of een maand (2026-09).',
    datatype: 'string',
    format: PERIOD_FORMAT,
  },
  quarter: { description: 'Het kwartaal (2026-Q3).', datatype: 'string', format: '^\\d{4}-Q[1-4]$' },
  organisation: {
    description: 'De organisatie: het OVO-nummer uit het Vlaamse organisatieregister, of een ander id.',
    datatype: 'string',
    format: '^[A-Za-z0-9._-]{2,64}$',
  },
  organisationName: {
    description: 'De naam van de organisatie (het id als ze niet geregistreerd is).',
    datatype: 'string',
  },
  service: { description: 'De dienst: een id, uniek binnen de organisatie.', datatype: 'string' },
  serviceName: { description: 'De naam van de dienst, zoals de dienstverlener ze opgaf.', datatype: 'string' },
  score: {
    description: 'Score over alle criteria: ja ÷ (ja + nee); "niet van toepassing" telt niet mee.',
    datatype: 'double',
    minimum: 0,
    maximum: 1,
    unit: 'aandeel (0 tot 1)',
    empty: 'alle antwoorden zijn "niet van toepassing"',
  },
  band: {
    description: 'Kleurcode (strategie §6.4.4): good (score ≥ 0,8), partial (tussen 0 en 0,8), none (0), n/a (niet van toepassing).',
    datatype: 'string',
    values: ['good', 'partial', 'none', 'n/a'],
  },
  date: { description: 'Een datum (JJJJ-MM-DD).', datatype: 'date' },
  bandCount: { description: 'Aantal diensten.', datatype: 'integer', minimum: 0, unit: 'diensten' },
  services: { description: 'Aantal aangeboden digitale diensten.', datatype: 'integer', minimum: 0, unit: 'diensten' },
  interactions: { description: 'Aantal interacties in de periode.', datatype: 'integer', minimum: 0, unit: 'interacties' },
  eloket: {
    description:
      'Het e-loket (mijn-burgerprofiel, e-loket-ondernemers, verenigingsloket, loket-lokale-besturen of een thematisch e-loket).',
    datatype: 'string',
  },
  figureStatus: {
    description:
      'reported: door het e-loket gemeld; derived: afgeleid uit de gemelde maanden of kwartalen; aggregated: alle e-loketten samen; no_data: geen gegevens (de cijfers zijn dan leeg, niet 0).',
    datatype: 'string',
    values: ['reported', 'derived', 'aggregated', 'no_data'],
  },
} as const satisfies Record<string, ColumnMeta>;

/** A count column of one target group. */
export const targetGroupColumn = (group: (typeof TARGET_GROUPS)[number]): ColumnMeta => ({
  description: `Aantal aangeboden digitale diensten voor de doelgroep ${group.replace('-', ' ')}.`,
  datatype: 'integer',
  minimum: 0,
  unit: 'diensten',
  empty: 'geen gegevens voor deze doelgroep',
});
