import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../shared/domain/catalog.js';
import { criteriaFromSeed } from '../support/seed-criteria.js';

const SEED = new URL('../../../shared/seeds/003_6eeffcabeb064ae4.txt', import.meta.url);
const catalog = CATALOGS['2022-07']!;

describe('criteria catalog 2022-07', () => {
  it('has the 52 ids of the design table, per principle and perspective', () => {
    const count = (prefix: string) => catalog.criteria.filter((c) => c.id.startsWith(prefix)).length;
    expect(catalog.criteria).toHaveLength(52);
    expect([count('SD-G'), count('SD-I'), count('GC-G'), count('GC-I'), count('DH-G'), count('DH-I')]).toEqual([6, 6, 4, 4, 5, 6]);
    expect([count('DG-G'), count('DG-I'), count('BT-G'), count('BT-I')]).toEqual([7, 5, 5, 4]);
    expect(catalog.criteria[0]).toMatchObject({ id: 'SD-G1', principle: 'SD', perspective: 'G' });
    expect(catalog.criteria.at(-1)).toMatchObject({ id: 'BT-I4', principle: 'BT', perspective: 'I' });
  });

  it('holds the Dutch text of the strategy itself, bullet by bullet', () => {
    const fromSeed = criteriaFromSeed(readFileSync(SEED, 'utf8'));
    expect(catalog.criteria.map(({ id, text, details }) => ({ id, text, details }))).toEqual(fromSeed);
    expect(catalog.criteria.find((c) => c.id === 'DH-G5')?.text).toBe(
      'Ik kan in alle transparantie volgen hoe goed de digitale dienstverlening van de Vlaamse overheden presteert. Ik krijg ook een overzicht van welke dienstverleningen er momenteel worden herdacht en verbeterd.',
    );
    expect(catalog.criteria.find((c) => c.id === 'SD-I4')?.details).toEqual([
      'We verwijzen gebruikers eerst door naar de website (‘click’),',
      'en helpen ze dan pas via telefoon of e-mail (‘call’),',
      'of als dat niet lukt, via een persoonlijke afspraak (‘connect’).',
    ]);
  });
});
