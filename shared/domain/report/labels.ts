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

export const BAND_LABELS: Record<Band, string> = {
  good: 'goed (minstens 80 %)',
  partial: 'gedeeltelijk (minder dan 80 %)',
  none: 'niet (0 %)',
  'n/a': 'niet van toepassing',
};

export const BAND_SHORT: Record<Band, string> = { good: 'goed', partial: 'gedeeltelijk', none: 'niet', 'n/a': 'n.v.t.' };

export const BAND_COLOURS: Record<Band, string> = { good: '#1b7a3a', partial: '#c77c02', none: '#b3261e', 'n/a': '#8a8f98' };

export function formatDateTime(iso: string | null): string {
  if (!iso) return 'geen gegevens';
  return `${iso.slice(0, 10)} om ${iso.slice(11, 16)} UTC`;
}
