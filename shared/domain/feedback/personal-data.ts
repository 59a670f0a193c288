// Comments are personal data. Before a comment is stored, what identifies a
// person directly is masked (design §2): e-mail addresses, phone numbers and
// Belgian national register numbers (rijksregisternummers, and BIS numbers of
// the same shape), however they are written: with spaces, dots, slashes or
// dashes, with +32 or 0032, as "jan (at) voorbeeld (punt) be".
// Masking errs on the side of masking: a 10-digit number that starts with 0
// is taken for a phone number even when it is a file number.

export const MASKS = {
  email: '[e-mailadres]',
  phone: '[telefoonnummer]',
  nationalNumber: '[rijksregisternummer]',
} as const;

export type MaskKind = keyof typeof MASKS;

const WORD = String.raw`[\p{L}\p{N}_%+\-]`;
const DOT = String.raw`(?:\.|\s*[([{](?:dot|punt)[)\]}]\s*)`;
const AT = String.raw`(?:\s{0,2}(?:@|＠)\s{0,2}|\s*[([{](?:at|a|apenstaart)[)\]}]\s*)`;
/** local part, @ (or a spelled-out variant), domain labels and a top-level domain of letters */
const EMAIL = new RegExp(
  String.raw`${WORD}+(?:${DOT}${WORD}+)*${AT}[\p{L}\p{N}\-]+(?:${DOT}[\p{L}\p{N}-]+)*${DOT}\p{L}{2,}(?![\p{L}\p{N}])`,
  'giu',
);

/**
 * A run of digits as people write numbers: digits (or a group in parentheses,
 * as in "+32 (0)470"), separated by one dot, slash or dash or by one or two
 * spaces, optionally after a "+". A spaced " / " or " - " ends a run, so a
 * list of numbers is a list of runs.
 */
const NUMBER_RUN = /(?<!\d)[+＋]?(?:\(\d{1,4}\)|\d)(?:(?:[./-]|[ \t]{1,2})?(?:\(\d{1,4}\)|\d))*(?!\d)/gu;

const plausibleBirthDate = (digits: string): boolean => {
  const mm = Number(digits.slice(2, 4));
  const dd = Number(digits.slice(4, 6));
  // month + 20 or + 40 for a BIS number; 00 for an unknown month or day
  return mm <= 52 && mm % 20 <= 12 && dd <= 31;
};

/**
 * Does an 11-digit number look like a rijksregisternummer: a birth date, a
 * serial number, and check digits 97 − (the first nine mod 97), with a 2 in
 * front of the nine for those born from 2000?
 */
export function isNationalNumber(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || !plausibleBirthDate(digits)) return false;
  const check = BigInt(digits.slice(9));
  const body = BigInt(digits.slice(0, 9));
  return 97n - (body % 97n) === check || 97n - ((2_000_000_000n + body) % 97n) === check;
}

/**
 * What a written number is, if it is something to mask. `exact` matches are
 * preferred to `loose` ones (a typo in a national number's check digits, a
 * phone number with a digit too many), so two numbers side by side are
 * masked as two.
 */
export function classifyNumber(run: string, strictness: 'exact' | 'loose' = 'loose'): MaskKind | null {
  const digits = run.replace(/\D/g, '');
  const n = digits.length;
  if (n < 9 || n > 15) return null; // dates, amounts, years, postcodes are shorter
  if (/^[+＋]/.test(run)) return 'phone';
  if (n === 11 && isNationalNumber(digits)) return 'nationalNumber';
  if (digits.startsWith('00') && n >= 11) return 'phone'; // 0032 …, 0031 …
  if (digits.startsWith('0') && n <= 10) return 'phone'; // 0X XXX XX XX, 04XX XX XX XX
  if (strictness === 'exact') return null;
  if (digits.startsWith('0') && n === 11) return 'phone';
  if (n === 11 && plausibleBirthDate(digits)) return 'nationalNumber';
  return null;
}

export interface Masked {
  text: string;
  /** how many of each were masked (a count says nothing of the text) */
  counts: Record<MaskKind, number>;
}

/** The longest a phone number gets in digits (E.164 allows 15). */
const MAX_DIGITS = 15;

/**
 * Masks what a run of numbers holds. A run may join a number to its
 * neighbours ("in 2024 0470 12 34 56"), so windows of its digit groups are
 * tried from each group, longest first, up to 15 digits.
 */
function maskRun(run: string, counts: Record<MaskKind, number>): string {
  const groups = [...run.matchAll(/[+＋]?(?:\(\d{1,4}\)|\d+)/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  let out = '';
  let copiedTo = 0;
  let i = 0;
  while (i < groups.length) {
    let found: { j: number; kind: MaskKind } | null = null;
    let digits = 0;
    let last = i;
    while (last < groups.length && (digits += run.slice(groups[last]!.start, groups[last]!.end).replace(/\D/g, '').length) <= MAX_DIGITS)
      last++;
    for (const strictness of ['exact', 'loose'] as const) {
      for (let j = last - 1; j >= i && !found; j--) {
        const kind = classifyNumber(run.slice(groups[i]!.start, groups[j]!.end), strictness);
        if (kind) found = { j, kind };
      }
    }
    if (!found) {
      i++;
      continue;
    }
    out += run.slice(copiedTo, groups[i]!.start) + MASKS[found.kind];
    copiedTo = groups[found.j]!.end;
    counts[found.kind] += 1;
    i = found.j + 1;
  }
  return out + run.slice(copiedTo);
}

export function maskPersonalData(text: string): Masked {
  const counts: Record<MaskKind, number> = { email: 0, phone: 0, nationalNumber: 0 };
  const withoutEmail = text.replace(EMAIL, () => {
    counts.email += 1;
    return MASKS.email;
  });
  return { text: withoutEmail.replace(NUMBER_RUN, (run) => maskRun(run, counts)), counts };
}
