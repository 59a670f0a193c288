// Dutch number formatting for readers (1.234.567 and 82,8 %). A figure
// without data is said to be so, never shown as 0.
import type { Exact } from '../exact.js';

// Made on first use: a process's first Intl object loads ICU's data, 10–15 ms
// of every cold start of a function that imports this (docs/performance.md).
let int: Intl.NumberFormat | undefined;
let pct: Intl.NumberFormat | undefined;

/** At most this many numbers' texts are kept per format; then it starts again. */
const REMEMBERED = 4096;

/**
 * A format that remembers its last texts: a report writes the same few
 * hundred scores and counts tens of thousands of times, and Intl's format
 * costs a microsecond or two a call. Zero is always formatted (-0 and 0 are
 * one Map key but not one text).
 */
function remembered(format: (n: number) => string): { format: (n: number) => string } {
  const texts = new Map<number, string>();
  return {
    format(n) {
      if (n === 0) return format(n);
      let text = texts.get(n);
      if (text === undefined) {
        if (texts.size >= REMEMBERED) texts.clear();
        text = format(n);
        texts.set(n, text);
      }
      return text;
    },
  };
}

const INT = remembered((n) => (int ??= new Intl.NumberFormat('nl-BE', { maximumFractionDigits: 0 })).format(n));
const PCT = remembered((n) => (pct ??= new Intl.NumberFormat('nl-BE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(n));

export const NO_DATA = 'geen gegevens';

/** A number with one decimal, Dutch style (4,2). */
export const oneDecimal = (n: number): string => PCT.format(n);

export function count(n: Exact | null | undefined): string {
  if (n === null || n === undefined) return NO_DATA;
  return typeof n === 'string' ? BigInt(n).toLocaleString('nl-BE') : INT.format(n);
}

export function percent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined) return NO_DATA;
  return `${PCT.format(ratio * 100)} %`;
}

/** A signed change in percentage points. */
export function points(delta: number | null): string {
  if (delta === null) return NO_DATA;
  const v = PCT.format(Math.abs(delta) * 100);
  return delta > 0 ? `+${v} pp` : delta < 0 ? `−${v} pp` : `0,0 pp`;
}

export const toNumber = (n: Exact | null | undefined): number => (n === null || n === undefined ? 0 : Number(n));
