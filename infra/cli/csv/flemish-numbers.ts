// Numbers and dates as people type them in a Belgian spreadsheet. Flemish
// notation groups thousands with "." (or a space) and writes decimals after
// ","; English notation does the opposite. A cell is read only when that is
// unambiguous; otherwise the message says exactly what to write instead.

export type Reading<T> = { ok: true; value: T; note?: string } | { ok: false; message: string };

// Flemish: 48210, 48.210, 48 210, 1.234.567, 48,2, 1.234,50
const FLEMISH = /^(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:,(\d+))?$/;
// English: 48210, 48,210, 1,234,567, 48.2, 1,234.50
const ENGLISH = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

function read(pattern: RegExp, thousands: RegExp, cell: string): number | undefined {
  const m = pattern.exec(cell);
  if (!m) return undefined;
  return Number(`${m[1]!.replace(thousands, '')}${m[2] !== undefined ? `.${m[2]}` : ''}`);
}

const plain = (n: number): string => String(n);
const flemish = (n: number): string => String(n).replace('.', ',');

/** A number in either notation, or why it cannot be read. */
export function readNumber(raw: string): Reading<number> {
  const cell = raw.trim();
  const negative = cell.startsWith('-');
  const body = negative ? cell.slice(1).trim() : cell;
  const sign = negative ? -1 : 1;
  const f = read(FLEMISH, /[. \u00a0\u202f]/g, body);
  const e = read(ENGLISH, /,/g, body);
  if (f === undefined && e === undefined) return { ok: false, message: `"${raw}" is not a number` };
  if (f !== undefined && (e === undefined || e === f)) {
    const changed = /[.,\s\u00a0\u202f]/.test(body);
    return { ok: true, value: sign * f, ...(changed ? { note: `"${raw}" read as ${plain(sign * f)} (Flemish notation)` } : {}) };
  }
  if (e !== undefined && f === undefined) {
    const changed = /[.,]/.test(body) && body !== String(e);
    return { ok: true, value: sign * e, ...(changed ? { note: `"${raw}" read as ${plain(sign * e)} (English notation)` } : {}) };
  }
  // Both readings exist and differ. A "." followed by groups of three digits is a
  // thousands separator (the Flemish convention of these files: 48.210 is 48210);
  // a single "," followed by three digits could be either.
  if (body.includes('.')) return { ok: true, value: sign * f!, note: `"${raw}" read as ${plain(sign * f!)} (Flemish notation)` };
  return {
    ok: false,
    message: `"${raw}" is ambiguous: ${plain(sign * e!)} (comma as thousands separator) or ${flemish(sign * f!)} (decimal comma)? write ${plain(sign * e!)} or ${flemish(sign * f!)} without thousands separators`,
  };
}

/** A whole number (a count): Flemish or English notation, never with decimals. */
export function readWholeNumber(raw: string): Reading<number> {
  const r = readNumber(raw);
  if (!r.ok) {
    // For a count only one reading of "48,210" can be meant: the other has decimals.
    const m = /^(-?)(\d{1,3}),(\d{3})$/.exec(raw.trim());
    if (m) {
      const whole = `${m[1]}${m[2]}${m[3]}`;
      return {
        ok: false,
        message: `"${raw}" is ambiguous: write ${whole} if you mean ${Number(whole).toLocaleString('en')} (a count has no decimals, and a comma may be a decimal comma)`,
      };
    }
    return r;
  }
  if (Number.isInteger(r.value)) return r;
  const lower = Math.floor(r.value);
  return {
    ok: false,
    message: `"${raw}" is not a whole number (${flemish(r.value)}): a count has no decimals; write ${lower} or ${lower + 1}`,
  };
}

/** An amount in euro: an optional "€" or "EUR", either notation, decimals allowed. */
export function readAmount(raw: string): Reading<number> {
  const cell = raw
    .trim()
    .replace(/^(€|EUR)\s*/i, '')
    .replace(/\s*(€|EUR)$/i, '');
  const r = readNumber(cell);
  if (!r.ok) return { ok: false, message: r.message.replace(`"${cell}"`, `"${raw}"`) };
  return r.note ? { ...r, note: r.note.replace(`"${cell}"`, `"${raw}"`) } : r;
}

/**
 * A date as YYYY-MM-DD, or as Excel writes it in a Belgian locale: day first,
 * 1/10/2026 or 01-10-2026 is 1 October 2026.
 */
export function readDate(raw: string): Reading<string> {
  const cell = raw.trim();
  const wrong = { ok: false as const, message: `"${raw}" is not a date: write it as YYYY-MM-DD (for example 2026-10-01)` };
  let y: number;
  let m: number;
  let d: number;
  let note: string | undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(cell);
  const belgian = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(cell);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (belgian) [d, m, y] = [Number(belgian[1]), Number(belgian[2]), Number(belgian[3])];
  else return wrong;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return wrong;
  const value = date.toISOString().slice(0, 10);
  if (belgian) note = `"${raw}" read as ${value} (day/month/year)`;
  return { ok: true, value, ...(note ? { note } : {}) };
}
