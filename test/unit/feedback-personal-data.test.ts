// Personal data in comments is masked before storage (design §2): e-mail
// addresses, phone numbers and rijksregisternummers, as people really write
// them; and what merely looks like a number (dates, amounts, file numbers)
// is left alone.
import { describe, expect, it } from 'vitest';
import { classifyNumber, isNationalNumber, maskPersonalData, MASKS } from '../../shared/domain/feedback/personal-data.js';

const masked = (s: string) => maskPersonalData(s).text;

describe('e-mail addresses', () => {
  it.each([
    ['jan.peeters@voorbeeld.be', MASKS.email],
    ['Mail me: Jan_Peeters+dossier@sub.voorbeeld.vlaanderen.', `Mail me: ${MASKS.email}.`],
    ['an.de.smet @ gmail.com', MASKS.email],
    ['jan (at) voorbeeld (punt) be', MASKS.email],
    ['jan[at]voorbeeld[dot]be', MASKS.email],
    ['JAN.PEETERS@VOORBEELD.BE', MASKS.email],
    ['élodie.dupré@exemple.fr', MASKS.email],
  ])('%s', (input, expected) => expect(masked(input)).toBe(expected));

  it('leaves an @ that is no address', () => {
    expect(masked('Ik was @ het loket om 9 uur.')).toBe('Ik was @ het loket om 9 uur.');
  });
});

describe('phone numbers', () => {
  it.each([
    '0470 12 34 56',
    '0470/12.34.56',
    '0470.12.34.56',
    '0470-12-34-56',
    '0470123456',
    '04 70 12 34 56',
    '+32 470 12 34 56',
    '+32470123456',
    '+32 (0)470 12 34 56',
    '0032 470 12 34 56',
    '0032470123456',
    '09 123 45 67',
    '02/123.45.67',
    '016 12 34 56',
    '+32 2 123 45 67',
    '0032 2 123 45 67',
    '+31 6 12345678',
  ])('%s', (n) => {
    expect(masked(`Bel me op ${n} na 17 uur.`)).toBe(`Bel me op ${MASKS.phone} na 17 uur.`);
  });

  it('masks two numbers side by side as two', () => {
    expect(masked('09 123 45 67 02 123 45 67')).toBe(`${MASKS.phone} ${MASKS.phone}`);
    expect(masked('0470 12 34 56 / 0470 65 43 21 of 016-12-34-56')).toBe(`${MASKS.phone} / ${MASKS.phone} of ${MASKS.phone}`);
  });

  it('masks a number glued to a word, or after a year', () => {
    expect(masked('tel:0470123456')).toBe(`tel:${MASKS.phone}`);
    expect(masked('in 2024 0470 12 34 56 gebeld')).toBe(`in 2024 ${MASKS.phone} gebeld`);
  });
});

describe('rijksregisternummers', () => {
  // 85.07.30-033.28 and 93.01.15-178.71 have valid check digits (born before 2000);
  // 06.12.24-512.74 is valid for someone born in 2006.
  it.each(['85.07.30-033.28', '85073003328', '850730 033 28', '85 07 30 033 28', '85.07.30 033-28', '93.01.15-178.71', '06.12.24-512.74'])(
    '%s',
    (n) => {
      expect(masked(`Mijn rijksregisternummer is ${n}.`)).toBe(`Mijn rijksregisternummer is ${MASKS.nationalNumber}.`);
    },
  );

  it('checks the check digits, for both centuries', () => {
    expect(isNationalNumber('85073003328')).toBe(true);
    expect(isNationalNumber('06122451274')).toBe(true);
    expect(isNationalNumber('85073003329')).toBe(false);
    // a BIS number: month + 40
    expect(isNationalNumber('85473003359')).toBe(false);
    expect(classifyNumber('85.47.30-033.59')).toBe('nationalNumber');
  });

  it('still masks one with a typo in its check digits', () => {
    expect(masked('85.07.30-033.29')).toBe(MASKS.nationalNumber);
  });
});

describe('what is not personal data stays', () => {
  it.each([
    'Op 12.03.2026 om 14:30 betaalde ik € 1.250,00.',
    'Dossier 2024/1234 in 3000 Leuven, huisnummer 12 bus 3.',
    'Het duurde 3 weken (21 dagen) en 2 telefoontjes.',
    'Van 2020-2021 tot 2023.',
    'Een bedrag van 1 250 000 000 euro.',
    'BE68 5390 0754 7034',
  ])('%s', (text) => expect(masked(text)).toBe(text));

  it('counts what it masked, and says nothing else of the text', () => {
    expect(maskPersonalData('jan@voorbeeld.be of 0470 12 34 56, rr 85.07.30-033.28').counts).toEqual({
      email: 1,
      phone: 1,
      nationalNumber: 1,
    });
  });

  it('stays quick on a long run of digits', () => {
    const text = ' 1'.repeat(1000);
    expect(masked(text).length).toBeGreaterThan(0);
  });
});
