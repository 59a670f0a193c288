// Dutch wording for readers of the reports: plain language.
import type { Band } from '../scoring.js';
import { parsePeriod } from '../periods.js';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

export function periodLabel(id: string): string {
  const p = parsePeriod(id);
  if (!p) return id;
  if (p.kind === 'year') return `het jaar ${p.year}`;
  if (p.kind === 'month') return `${MONTHS[Number(id.slice(5, 7)) - 1]} ${p.year}`;
  return `het ${id.slice(6)}e kwartaal van ${p.year}`;
}

/** Short label for a column or axis: "K3 2026", "sep 2026", "2026". */
export function periodShort(id: string): string {
  const p = parsePeriod(id);
  if (!p) return id;
  if (p.kind === 'quarter') return `K${id.slice(6)} ${p.year}`;
  if (p.kind === 'month') return `${MONTHS[Number(id.slice(5, 7)) - 1]!.slice(0, 3)} ${p.year}`;
  return String(p.year);
}

export const BAND_LABELS: Record<Band, string> = {
  good: 'goed (minstens 80 %)',
  partial: 'gedeeltelijk (minder dan 80 %)',
  none: 'niet (0 %)',
  'n/a': 'niet van toepassing',
};

export const BAND_SHORT: Record<Band, string> = { good: 'goed', partial: 'gedeeltelijk', none: 'niet', 'n/a': 'n.v.t.' };

// Each at least 3:1 against white (WCAG 2.1 non-text contrast).
export const BAND_COLOURS: Record<Band, string> = { good: '#1b7a3a', partial: '#a35f00', none: '#b3261e', 'n/a': '#6b7078' };

export const CHANNEL_LABELS = {
  click: 'online (click)',
  call: 'telefoon, e-mail, chat (call)',
  connect: 'aan het loket (connect)',
  other: 'post en andere',
} as const;
/** The channel labels as column heads: the legend's words, with a capital. The CSV keeps click, call, connect, other. */
export const CHANNEL_HEADS = Object.fromEntries(
  Object.entries(CHANNEL_LABELS).map(([c, label]) => [c, label.charAt(0).toUpperCase() + label.slice(1)]),
) as { readonly [C in keyof typeof CHANNEL_LABELS]: string };
export const CHANNEL_COLOURS = { click: '#0b5cad', call: '#7a4fb0', connect: '#a35f00', other: '#6b7078' } as const;
export const SERIES_COLOURS = ['#0b5cad', '#1b7a3a', '#a35f00', '#b3261e', '#7a4fb0', '#00727a'];

export const TARGET_GROUP_LABELS: Record<string, string> = {
  burgers: 'burgers',
  ondernemers: 'ondernemers',
  verenigingen: 'verenigingen',
  'lokale-besturen': 'lokale besturen',
};

export const SEVERITY_LABELS = { error: 'fout', warning: 'waarschuwing', notice: 'opmerking' } as const;

export function formatDateTime(iso: string | null): string {
  if (!iso) return 'geen gegevens';
  return `${iso.slice(0, 10)} om ${iso.slice(11, 16)} UTC`;
}
